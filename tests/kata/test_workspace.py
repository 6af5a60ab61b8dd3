"""Plain `pytest` in a scaffolded workspace runs exactly the generated cases; --watch re-checks warm."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from mlprep.kata.judge.check import Checker
from mlprep.kata.model import Verdict
from mlprep.kata.service import check_one
from mlprep.kata.watch import describe_change, watch
from mlprep.kata.workspace import GENERATED_MARKER, scaffold
from mlprep.paths import resolve_paths
from tests.conftest import REPO, cli_env
from tests.kata.conftest import KATAS, SOLUTIONS, kata


def _pytest_in(workspace: Path, tmp_path: Path) -> tuple[int, str]:
    env = cli_env(tmp_path, PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(workspace)],
        cwd=workspace, env=env, capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    return result.returncode, result.stdout + result.stderr


def test_generated_tests_run_the_same_cases(home: Path, tmp_path: Path, checker: Checker) -> None:
    workspace = tmp_path / "workspace"
    chosen = kata("auc")
    made = scaffold(workspace, chosen)
    assert made.created and made.test_file.read_text().startswith(GENERATED_MARKER)
    shutil.copyfile(KATAS / "auc" / "mutants" / "ties_count_zero.py", made.solution)
    verdict = checker.check(chosen, made.solution, diagnose=False)
    code, out = _pytest_in(workspace, tmp_path)
    assert code == 1, out
    summary = re.search(r"(\d+) failed, (\d+) passed", out)
    assert summary is not None, out
    assert (int(summary[1]), int(summary[2])) == (verdict.failed, verdict.passed)
    failing = next(c for c in verdict.cases if not c.ok)
    assert f"test_auc[{failing.name}]" in out
    # a correct solution makes the same file green
    shutil.copyfile(SOLUTIONS / "auc" / "numpy_ranks.py", made.solution)
    code, out = _pytest_in(workspace, tmp_path)
    assert code == 0 and f"{len(verdict.cases)} passed" in out, out


def test_scaffold_keeps_the_users_solution(tmp_path: Path) -> None:
    chosen = kata("wildcard")
    first = scaffold(tmp_path, chosen)
    first.solution.write_text("# mine\n")
    again = scaffold(tmp_path, chosen)
    assert not again.created and again.solution.read_text() == "# mine\n"


@pytest.mark.parametrize("force_polling", [False, True], ids=["watchfiles", "polling"])
def test_watch_rechecks_on_save_with_a_warm_worker(
    home: Path, tmp_path: Path, force_polling: bool
) -> None:
    if not force_polling:
        pytest.importorskip("watchfiles")
    paths = resolve_paths()
    chosen = kata("attention")
    solution = tmp_path / "attention.py"
    shutil.copyfile(KATAS / "attention" / "starter.py", solution)
    verdicts: list[Verdict] = []
    timings: list[float] = []
    stop = threading.Event()
    started = [time.monotonic()]

    def on_verdict(verdict: Verdict) -> None:
        timings.append(time.monotonic() - started[0])
        verdicts.append(verdict)
        if len(verdicts) == 1:

            def save() -> None:
                time.sleep(0.5)
                started[0] = time.monotonic()
                solution.write_text((SOLUTIONS / "attention" / "einsum.py").read_text())

            threading.Thread(target=save, daemon=True).start()
        else:
            stop.set()

    def run(warm: Checker) -> Verdict:
        return check_one(paths, chosen, solution, checker=warm)

    guard = threading.Timer(60, stop.set)
    guard.daemon = True
    guard.start()
    runs: list[tuple[int, str]] = []
    try:
        last = watch(
            paths, chosen, solution, run, on_verdict, stop, force_polling=force_polling,
            on_run=lambda number, change: runs.append((number, change)),
        )  # fmt: skip
    finally:
        guard.cancel()
    assert [v.status for v in verdicts] == ["fail", "pass"]
    changed = max(
        len((SOLUTIONS / "attention" / "einsum.py").read_text().splitlines()),
        len((KATAS / "attention" / "starter.py").read_text().splitlines()),
    )
    assert runs[0] == (1, "first check")
    assert runs[1][0] == 2 and runs[1][1].startswith("saved, ") and runs[1][1].endswith("changed")
    assert 0 < int(runs[1][1].split()[1]) <= changed
    assert last is not None and last.ok
    assert timings[1] < timings[0], timings  # no torch import, no case generation the second time


def test_describe_change_counts_lines() -> None:
    assert describe_change(["a", "b"], ["a", "c", "d"]) == "saved, 2 lines changed"
    assert describe_change(["a"], ["a", "b"]) == "saved, 1 line changed"
    assert describe_change(["a"], ["a"]) == "saved, no change in the text"
    assert describe_change(["a"], None) == "file removed or unreadable"
