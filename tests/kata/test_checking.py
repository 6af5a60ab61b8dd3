"""Correct solutions pass, classic mistakes are diagnosed, hostile code never passes nor hangs."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from mlprep.kata.check import Checker
from mlprep.kata.jobs import Limits
from mlprep.kata.model import ERROR, PASS
from tests.kata.conftest import SOLUTIONS, kata

CORRECT = sorted((p.parent.name, p) for p in SOLUTIONS.glob("*/*.py") if p.parent.name != "hostile")


@pytest.mark.parametrize(("name", "path"), CORRECT, ids=[f"{n}/{p.stem}" for n, p in CORRECT])
def test_differently_written_correct_solutions_pass(
    checker: Checker, name: str, path: Path
) -> None:
    verdict = checker.check(kata(name), path)
    assert verdict.status == PASS, [c for c in verdict.cases if not c.ok][:3]
    assert verdict.failed == 0 and verdict.passed == len(verdict.cases) > 10
    assert verdict.summary_line() == f"{name}: {verdict.passed} passed, 0 failed"


@pytest.mark.parametrize(
    ("name", "mutant"),
    [("attention", "no_scale"), ("attention", "softmax_wrong_axis"), ("attention", "naive_softmax"),
     ("auc", "rank_ignores_ties"), ("auc", "no_single_class_check"), ("wildcard", "star_nonempty"),
     ("mha", "split_without_transpose")],
)  # fmt: skip
def test_classic_mistake_is_diagnosed(
    checker: Checker, tmp_path: Path, name: str, mutant: str
) -> None:
    chosen = kata(name)
    info = chosen.mutant(mutant)
    assert info is not None
    solution = tmp_path / f"{name}.py"  # the user's copy of the mistake
    shutil.copyfile(info.path, solution)
    verdict = checker.check(chosen, solution)
    assert verdict.status == "fail"
    assert verdict.diagnosis is not None and verdict.diagnosis.mutant == mutant
    assert verdict.diagnosis.text.en == info.diagnosis.en


def test_no_scale_diagnosis_texts(checker: Checker, tmp_path: Path) -> None:
    info = kata("attention").mutant("no_scale")
    assert info is not None
    assert "√d_k" in info.diagnosis.en and "没有除以 √d_k" in info.diagnosis.zh


def test_failure_report_has_tensor_diagnostics(checker: Checker) -> None:
    chosen = kata("attention")
    info = chosen.mutant("no_scale")
    assert info is not None
    verdict = checker.check(chosen, info.path, diagnose=False)
    failing = next(c for c in verdict.cases if not c.ok)
    assert failing.name.startswith("typical[")
    assert "max abs error" in failing.message and "max rel error" in failing.message
    assert "float32[" in failing.message and failing.max_abs and failing.index is not None
    assert "q=float32[" in failing.inputs
    names = {c.name for c in verdict.cases}
    assert {"edge/single_key", "edge/dv_ne_dk", "large/L=512"} <= names


def test_seed_changes_and_replays_cases(checker: Checker) -> None:
    chosen = kata("wildcard")
    first = checker.cases(chosen, 1)
    again = checker.cases(chosen, 1)
    other = checker.cases(chosen, 2)
    assert [c.inputs for c in first] == [c.inputs for c in again]
    assert [c.inputs for c in first] != [c.inputs for c in other]


def test_auc_seed_formula_fails_on_ties(checker: Checker) -> None:
    chosen = kata("auc")
    info = chosen.mutant("rank_ignores_ties")
    assert info is not None
    verdict = checker.check(chosen, info.path, diagnose=False)
    tie = next(c for c in verdict.cases if c.name == "edge/seed_example_ties")
    assert tie.status == "fail" and "expected 0.75" in tie.message


# -- hostile and broken code ------------------------------------------------------------------

HOSTILE = {
    "exit_at_import": "could not be loaded: the process exited with code 0",
    "sys_exit_in_call": "SystemExit (called sys.exit(0))",
    "infinite_loop": "timed out after 1 s",
    "proxy_eq": "returned attention.Anything: not an allowed result type",
    "tensor_subclass": "attention.Always (a torch.Tensor subclass; return a plain tensor)",
    "mutates_inputs": "modified its input(s) in place: q",
    "banned_sdpa": "F.scaled_dot_product_attention is not allowed in this kata",
    "banned_sdpa_hidden": "F.scaled_dot_product_attention is not allowed in this kata",
    "syntax_error": "has a syntax error (line 1)",
    "keyboard_interrupt": "raised KeyboardInterrupt",
    "segfault": "segmentation fault (SIGSEGV)",
    "memory_bomb": "MemoryError",
    "fork_bomb": "starting processes is not allowed in a kata",
    "prints_megabytes": "your solution printed more than 8 MiB: output limit",
    "reads_stdin": "EOFError",
    "patches_torch": "values outside tolerance",
    "reads_reference": "is not allowed in a kata",
    "wrong_signature": "TypeError",
    "missing_entry": "does not define scaled_dot_product_attention",
    "returns_nan": "NaN value(s) where numbers were expected",
    "kills_parent": "signalling other processes is not allowed",
    "writes_outside": "is not allowed in a kata (only the run folder)",
    "patches_test_helpers": "values outside tolerance",
    "wrong_dtype": "dtype float64, expected float32",
    "wrong_shape": "shape [24, 5], expected [5, 24]",
}


def _stray(marker: str) -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if marker in cmdline:
                found.append(cmdline)
    return found


def test_hostile_corpus_is_complete() -> None:
    files = {p.name.split(".")[0] for p in (SOLUTIONS / "hostile").iterdir()}
    assert files == set(HOSTILE)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_code_never_passes(checker: Checker, tmp_path: Path, name: str) -> None:
    source = next((SOLUTIONS / "hostile").glob(f"{name}.py*"))
    solution = tmp_path / "attention.py"
    shutil.copyfile(source, solution)
    started = time.monotonic()
    timeout = 1.0 if name == "infinite_loop" else 10.0  # only the endless loop needs a short limit
    verdict = checker.check(kata("attention"), solution, limits=Limits.for_timeout(timeout))
    elapsed = time.monotonic() - started
    assert verdict.status != PASS and verdict.passed == 0, verdict.summary_line()
    messages = " | ".join([verdict.error or ""] + [c.message for c in verdict.cases])
    assert HOSTILE[name] in messages, messages[:500]
    assert elapsed < 60, f"{name} took {elapsed:.1f}s"
    assert not Path("/tmp/mlprep-hostile-was-here").exists()
    assert not _stray("sleep 1000")


def test_load_error_is_an_error_verdict(checker: Checker, tmp_path: Path) -> None:
    solution = tmp_path / "attention.py"
    solution.write_text("import no_such_module_anywhere\n")
    verdict = checker.check(kata("attention"), solution)
    assert verdict.status == ERROR
    assert (
        verdict.error is not None and "No module named 'no_such_module_anywhere'" in verdict.error
    )
    assert all(c.status == ERROR for c in verdict.cases)


def test_timeout_does_not_stop_the_other_cases(checker: Checker, tmp_path: Path) -> None:
    solution = tmp_path / "wildcard.py"
    solution.write_text(
        (kata("wildcard").folder / "mutants" / "exponential_recursion.py").read_text()
    )
    verdict = checker.check(kata("wildcard"), solution, diagnose=False)
    statuses = {c.name: c.status for c in verdict.cases}
    assert statuses["adversarial/stars_no_match"] == "timeout"
    assert statuses["edge/leetcode_true"] == PASS
    assert statuses["large/n=2000,match"] == PASS  # run in a fresh process after the time-out


def test_whole_run_limit(checker: Checker, tmp_path: Path) -> None:
    solution = tmp_path / "wildcard.py"
    solution.write_text(
        "import time\n\ndef is_match(s, p):\n    time.sleep(0.4)\n    return True\n"
    )
    limits = Limits(case_timeout=5, run_timeout=2, load_timeout=5)
    started = time.monotonic()
    verdict = checker.check(kata("wildcard"), solution, limits=limits, diagnose=False)
    assert time.monotonic() - started < 10
    assert any("whole run exceeded its 2 s limit" in c.message for c in verdict.cases)


def test_user_code_runs_in_another_process_and_cannot_write_outside(
    checker: Checker, tmp_path: Path
) -> None:
    marker = tmp_path / "written-by-solution"
    solution = tmp_path / "attention.py"
    solution.write_text(
        f"import os\nprint('pid', os.getpid())\nopen({str(marker)!r}, 'w').close()\n"
    )
    verdict = checker.check(kata("attention"), solution)
    assert verdict.status == ERROR
    assert "is not allowed in a kata (only the run folder)" in (verdict.error or "")
    assert not marker.exists()
    printed = verdict.output.split()
    assert printed[0] == "pid" and int(printed[1]) != os.getpid()


def test_too_slow_solution_is_diagnosed_by_its_slow_mutant(
    checker: Checker, tmp_path: Path
) -> None:
    """Right answers, exponential time: the report names the classic slow mistake."""
    solution = tmp_path / "wildcard.py"
    solution.write_text(
        (kata("wildcard").folder / "mutants" / "exponential_recursion.py").read_text()
    )
    verdict = checker.check(kata("wildcard"), solution)
    assert {c.status for c in verdict.cases} == {PASS, "timeout"}
    assert verdict.diagnosis is not None
    assert verdict.diagnosis.mutant == "exponential_recursion"
