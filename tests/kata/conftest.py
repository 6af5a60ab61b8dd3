"""Kata test fixtures: one warm checker for the whole session (torch is imported once)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mlprep.kata.catalogue import find_kata
from mlprep.kata.judge.check import Checker
from mlprep.kata.model import Kata
from tests.conftest import REPO

KATAS = REPO / "katas"
SOLUTIONS = Path(__file__).resolve().parent / "solutions"


@pytest.fixture(scope="session")
def checker(shared_cache: Path) -> Iterator[Checker]:
    with Checker(KATAS, ["torch"], case_cache=shared_cache / "kata-cases") as warm:
        yield warm


def kata(name: str) -> Kata:
    return find_kata(KATAS, name)
