"""Every correct solution in `tests/kata/solutions/NAME/` passes its kata (seed 0).

Two test files share the list, half each, so the suite's workers split the work
(`--dist loadfile` gives each file to one worker). Other seeds: `tests/kata/sweep.py`.
"""

from __future__ import annotations

from pathlib import Path

from mlprep.kata.judge.check import Checker
from mlprep.kata.model import PASS
from tests.kata.conftest import SOLUTIONS, kata

CORRECT = sorted((p.parent.name, p) for p in SOLUTIONS.glob("*/*.py"))
HALF = len(CORRECT) // 2


def ids(items: list[tuple[str, Path]]) -> list[str]:
    return [f"{name}/{path.stem}" for name, path in items]


def check_passes(checker: Checker, name: str, path: Path) -> None:
    verdict = checker.check(kata(name), path)
    assert verdict.status == PASS, [c for c in verdict.cases if not c.ok][:3]
    assert verdict.failed == 0 and verdict.passed == len(verdict.cases) > 10
    assert verdict.summary_line() == f"{name}: {verdict.passed} passed, 0 failed"
