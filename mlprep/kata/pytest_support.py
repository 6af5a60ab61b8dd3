"""What a generated `test_NAME.py` uses: one pytest test per generated case.

The check runs once, at collection, exactly as `mlprep kata NAME` runs it: the
solution in the sandbox, expected values from the reference in another process.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from mlprep.kata.catalogue import find_kata
from mlprep.kata.judge.check import DEFAULT_SEED, Checker
from mlprep.kata.model import CaseResult, Verdict
from mlprep.paths import resolve_paths


def run_for_pytest(name: str, solution: Path, seed: int) -> Verdict:
    paths = resolve_paths()
    kata = find_kata(paths.shipped_katas, name)
    with Checker(paths.shipped_katas, kata.preload, case_cache=paths.kata_cases) as checker:
        return checker.check(kata, solution, seed)


def kata_test(name: str, test_file: str) -> Callable[..., None]:
    """A parametrized test function covering every case of kata `name` for the solution beside `test_file`."""
    import pytest

    seed = int(os.environ.get("MLPREP_SEED", DEFAULT_SEED))
    solution = Path(test_file).resolve().with_name(f"{name}.py")
    verdict = run_for_pytest(name, solution, seed)
    cases = list(verdict.cases)

    @pytest.mark.parametrize("case", cases, ids=[c.name for c in cases])
    def test_case(case: CaseResult) -> None:
        if case.ok:
            return
        lines = [f"{case.name} [{case.status}]: {case.message}"]
        if case.inputs:
            lines.append(f"inputs: {case.inputs}")
        if verdict.diagnosis is not None:
            lines.append(f"likely mistake: {verdict.diagnosis.text.en}")
        lines.append(f"replay: MLPREP_SEED={seed} pytest, or mlprep kata {name} --seed {seed}")
        pytest.fail("\n".join(lines), pytrace=False)

    test_case.__name__ = f"test_{name}"
    return test_case
