"""Correct solutions written in other styles pass: the first half of the list."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlprep.kata.judge.check import Checker
from tests.kata.solution_checks import CORRECT, HALF, check_passes, ids

CHOSEN = CORRECT[:HALF]


@pytest.mark.parametrize(("name", "path"), CHOSEN, ids=ids(CHOSEN))
def test_correct_solution_passes(checker: Checker, name: str, path: Path) -> None:
    check_passes(checker, name, path)
