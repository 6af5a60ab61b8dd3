"""Correct solutions pass, classic mistakes are diagnosed, hostile code never passes nor hangs."""

from __future__ import annotations

import errno
import os
import shutil
import time
from pathlib import Path

import pytest

from mlprep.kata.catalogue import find_kata
from mlprep.kata.judge.check import Checker
from mlprep.kata.model import ERROR, PASS
from mlprep.kata.runner.jobs import Limits
from mlprep.kata.runner.landlock import abi_version
from tests.kata.conftest import KATAS, kata


@pytest.mark.parametrize(
    ("name", "mutant"),
    [("attention", "no_scale"), ("attention", "softmax_wrong_axis"), ("attention", "naive_softmax"),
     ("auc", "rank_ignores_ties"), ("auc", "no_single_class_check"), ("wildcard", "star_nonempty"),
     ("mha", "split_without_transpose"),
     ("word_break", "words_used_once")],  # not dp_off_by_one, which is wrong more often
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


@pytest.mark.parametrize(
    ("name", "file"),
    [
        ("regex_match", "regex_match_star_one_or_more.py"),  # looks like star_as_wildcard
        ("word_break", "word_break_19_char_lookback.py"),  # one bool case: looks greedy
    ],
)
def test_a_mistake_no_mutant_explains_is_not_named(checker: Checker, name: str, file: str) -> None:
    verdict = checker.check(kata(name), Path(__file__).parent / "wrong" / file)
    assert verdict.status == "fail"
    assert verdict.diagnosis is None


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


# -- broken code (the hostile corpus runs unprivileged: test_hostile.py) ---------------------


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
    assert statuses["large/n=1000,match"] == PASS  # run in a fresh process after the time-out


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


@pytest.mark.parametrize(
    "allocation",
    ["torch.zeros(1 << 30, dtype=torch.float64)", "bytearray(3 << 30)"],
    ids=["torch", "python"],
)
def test_over_the_memory_cap_is_named_with_the_case(
    checker: Checker, tmp_path: Path, allocation: str
) -> None:
    solution = tmp_path / "attention.py"
    solution.write_text(
        "import torch\n\ndef scaled_dot_product_attention(q, k, v, mask=None):\n"
        f"    big = {allocation}\n    return q\n"
    )
    limits = Limits(case_timeout=5, run_timeout=20, load_timeout=5, memory_mb=512)
    verdict = checker.check(kata("attention"), solution, limits=limits, diagnose=False)
    first = verdict.cases[0]
    assert first.status == ERROR
    assert first.message == (
        f"memory limit (512 MiB) exceeded (attention.py line 4, in "
        f"scaled_dot_product_attention: big = {allocation})"
    )


def test_deep_memoised_recursion_works(checker: Checker, tmp_path: Path) -> None:
    """15,000 levels through `functools.cache` (30,000 counted) neither raise nor crash."""
    solution = tmp_path / "wildcard.py"
    solution.write_text(
        "from functools import cache\n\n"
        "@cache\ndef depth(n):\n    return 0 if n == 0 else depth(n - 1) + 1\n\n"
        "def is_match(s, p):\n"
        "    assert depth(15_000) == 15_000\n"
        "    @cache\n    def go(i, j):\n"
        "        if j == len(p):\n            return i == len(s)\n"
        "        if p[j] == '*':\n            return go(i, j + 1) or (i < len(s) and go(i + 1, j))\n"
        "        return i < len(s) and p[j] in ('?', s[i]) and go(i + 1, j + 1)\n"
        "    return go(0, 0)\n"
    )
    verdict = checker.check(kata("wildcard"), solution, diagnose=False)
    assert [c.message for c in verdict.cases if not c.ok] == []


def test_landlock_holds_where_the_kernel_offers_it(checker: Checker, tmp_path: Path) -> None:
    """The kernel itself refuses the reference (EACCES), not an in-process hook."""
    reference = kata("attention").reference
    marker = tmp_path / "written-by-solution"
    solution = tmp_path / "attention.py"
    solution.write_text(
        "import os\nprint('pid', os.getpid())\n"
        f"try:\n    open({str(marker)!r}, 'w')\nexcept OSError as e:\n    print('write', e.errno)\n"
        f"open({str(reference)!r}).read()\n"
    )
    verdict = checker.check(kata("attention"), solution)
    assert verdict.status == ERROR
    assert not marker.exists()
    printed = verdict.output.split()
    assert printed[0] == "pid" and int(printed[1]) != os.getpid()
    if abi_version() >= 1:
        assert verdict.sandbox["landlock_abi"] == abi_version()
        assert f"PermissionError: [Errno 13] Permission denied: '{reference}'" in (
            verdict.error or ""
        )
        assert printed[2:4] == ["write", str(errno.EACCES)]
        assert verdict.sandbox_line.startswith("sandbox: full (Landlock ABI")
    else:
        assert verdict.sandbox_line == "sandbox: limited (no Landlock)"


def test_limited_mode_is_reported_and_still_guards(
    checker: Checker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the kernel layers (`MLPREP_SANDBOX=limited`, or no Landlock), the hooks hold."""
    monkeypatch.setenv("MLPREP_SANDBOX", "limited")
    reference = kata("auc").reference
    solution = tmp_path / "auc.py"
    solution.write_text(f"src = open({str(reference)!r}).read()\n")
    verdict = checker.check(kata("auc"), solution)
    assert verdict.sandbox == {"mode": "limited", "landlock_abi": 0, "namespaces": False}
    assert verdict.sandbox_line == "sandbox: limited (no Landlock)"
    assert verdict.to_json()["sandbox"]["mode"] == "limited"
    assert f"reading {reference} is not allowed in a kata" in (verdict.error or "")


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


def test_checking_writes_no_bytecode_next_to_the_katas(tmp_path: Path) -> None:
    """The worker runs `python -I -B`: `-I` alone ignores PYTHONDONTWRITEBYTECODE, and the
    installed katas folder would fill with `__pycache__`."""
    katas = tmp_path / "katas"
    shutil.copytree(
        KATAS / "wildcard", katas / "wildcard", ignore=shutil.ignore_patterns("__pycache__")
    )
    with Checker(katas, []) as own:
        verdict = own.check(find_kata(katas, "wildcard"), katas / "wildcard" / "reference.py")
    assert verdict.ok
    assert list(katas.rglob("__pycache__")) == []


def test_output_printed_before_a_load_error_is_kept(checker: Checker, tmp_path: Path) -> None:
    """The job writes out what it printed before it says it is done (the checker ends the
    job as soon as it is told so): here flushing takes a second, and the output is still
    there. (An order-dependent failure once lost it after a whole-run time-out.)"""
    solution = tmp_path / "attention.py"
    solution.write_text(
        "import sys, time\n"
        "print('printed before failing')\n"
        "class Slow:\n"
        "    def __init__(self, inner):\n"
        "        self.inner = inner\n"
        "    def write(self, text):\n"
        "        return self.inner.write(text)\n"
        "    def flush(self):\n"
        "        time.sleep(1)\n"
        "        self.inner.flush()\n"
        "sys.stdout = Slow(sys.stdout)\n"
        "raise ImportError('cannot load')\n"
    )
    verdict = checker.check(kata("attention"), solution)
    assert verdict.status == ERROR and "ImportError: cannot load" in (verdict.error or "")
    assert "printed before failing" in verdict.output


def test_the_cases_request_is_the_json_of_the_cases() -> None:
    """Each case's inputs are encoded once and spliced into every run's request, unchanged."""
    import json

    from mlprep.kata.judge.compare import Tolerance
    from mlprep.kata.runner.channel import dumps
    from mlprep.kata.runner.jobs import OracleCase, cases_request

    inputs = [
        {"args": [[1, 2.5, None], {"t": "str", "v": 'é"\\n'}], "kwargs": {"k": True}},
        {"args": [], "kwargs": {}},
    ]
    cases = [
        OracleCase(i * 7, f"c{i}", value, None, Tolerance(), None, "")
        for i, value in enumerate(inputs)
    ]
    expected = {"cases": [{"index": c.index, "inputs": c.inputs} for c in cases]}
    assert cases_request(cases) == dumps(expected)
    assert json.loads(cases_request(cases[1:])) == {"cases": expected["cases"][1:]}
    assert cases[0].inputs_json is cases[0].inputs_json  # made once


def test_the_folder_mlprep_was_started_from_stays_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`python -m mlprep` puts the working folder first on sys.path; a job must not read it."""
    project = tmp_path / "project"
    project.mkdir()
    secret = project / "notes.txt"
    secret.write_text("TOPSECRET-7")
    monkeypatch.chdir(project)
    monkeypatch.syspath_prepend(str(project))
    solution = tmp_path / "binary_search.py"
    solution.write_text(
        f"def binary_search(nums, target):\n    raise RuntimeError(open({str(secret)!r}).read())\n"
    )
    with Checker(KATAS, []) as fresh:
        verdict = fresh.check(kata("binary_search"), solution, diagnose=False)
    shown = " ".join(c.message for c in verdict.cases) + verdict.output
    assert verdict.status != PASS
    assert "TOPSECRET-7" not in shown
    if abi_version() >= 1:
        assert f"PermissionError: [Errno 13] Permission denied: '{secret}'" in shown
