"""`mlprep kata`, `mlprep check` and `mlprep verify` through the real CLI (Typer's runner)."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlprep.cli import app
from mlprep.kata.model import Verdict
from tests.conftest import MLPREP_CMD, cli_env
from tests.kata.conftest import KATAS, SOLUTIONS

runner = CliRunner()


def run(*args: str, stdin: str | None = None) -> tuple[int, str]:
    """Exit code and everything printed (stdout and stderr)."""
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.output


def run_json(*args: str) -> tuple[int, object, str]:
    """Exit code, the JSON on stdout (which must hold nothing else) and stderr."""
    result = runner.invoke(app, [*args, "--json"])
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_catalogue_json(home: Path) -> None:
    code, out = run("kata", "--json")
    assert code == 0
    rows = json.loads(out)
    names = [r["name"] for r in rows]
    assert {"attention", "mha", "wildcard", "auc"} <= set(names)
    for row in rows:
        assert {"name", "title", "topic", "difficulty", "status"} <= set(row)
        assert row["status"] == "not started"


def test_catalogue_table_in_chinese(home: Path) -> None:
    code, out = run("kata", "--lang", "zh")
    assert code == 0 and "缩放点积注意力" in out and "not started" in out


def test_scaffold_then_check_the_starter(home: Path, tmp_path: Path) -> None:
    workspace = tmp_path / "workspace"
    code, out = run("kata", "wildcard")
    assert code == 1
    assert f"created {workspace / 'wildcard.py'}" in out.replace("\n", "")
    assert "Wildcard matching" in out and "is_match(s: str, p: str) -> bool" in out
    assert (workspace / "wildcard.py").read_text() == (
        KATAS / "wildcard" / "starter.py"
    ).read_text()
    assert (workspace / "test_wildcard.py").exists()
    last = out.strip().splitlines()[-1]
    assert last.startswith("wildcard: 0 passed, ") and last.endswith(" failed")
    assert "NotImplementedError: is_match is not written yet" in out
    # a second run checks the same file without scaffolding again
    code, out = run("kata", "wildcard")
    assert code == 1 and f"checking {workspace / 'wildcard.py'}" in out.replace("\n", "")


def test_pass_with_file_and_json(home: Path) -> None:
    solution = SOLUTIONS / "wildcard" / "backtracking.py"
    code, verdict, err = run_json("kata", "wildcard", "--file", str(solution))
    assert code == 0, verdict
    assert isinstance(verdict, dict) and f"checking {solution}" in err.replace("\n", "")
    assert {"kata", "status", "passed", "failed", "seed", "cases"} <= set(verdict)
    assert verdict["kata"] == "wildcard" and verdict["status"] == "pass" and verdict["failed"] == 0
    assert verdict["seed"] == 0
    assert all({"name", "status", "message"} <= set(c) for c in verdict["cases"])
    # the attempt went to the store: the catalogue shows it
    code, out = run("kata", "--json")
    row = next(r for r in json.loads(out) if r["name"] == "wildcard")
    assert row["status"] == "passing" and row["best"] == f"{verdict['passed']}/{verdict['passed']}"


def test_failing_json_with_diagnosis_and_seed(home: Path) -> None:
    mutant = KATAS / "auc" / "mutants" / "rank_ignores_ties.py"
    code, verdict, _ = run_json("kata", "auc", "--file", str(mutant), "--seed", "7", "--lang", "zh")
    assert code == 1 and isinstance(verdict, dict)
    assert verdict["status"] == "fail" and verdict["seed"] == 7 and verdict["failed"] > 0
    assert verdict["diagnosis"]["mutant"] == "rank_ignores_ties"
    assert "平均秩" in verdict["diagnosis"]["message"]
    code, out = run("kata", "--json")
    row = next(r for r in json.loads(out) if r["name"] == "auc")
    assert row["status"] == "failing"


def test_human_report_shows_diagnosis_and_replay(home: Path, tmp_path: Path) -> None:
    mutant = tmp_path / "mine.py"  # a name that does not contain the mutant's
    shutil.copyfile(KATAS / "attention" / "mutants" / "no_scale.py", mutant)
    code, out = run("kata", "attention", "--file", str(mutant))
    assert code == 1
    flat = " ".join(out.split())
    assert "Likely mistake: Scores are not divided by √d_k" in flat
    assert "no_scale" not in out  # the internal mutant name is not shown (--json keeps it)
    assert "--seed 0" in flat and "max abs error" in flat
    assert out.strip().splitlines()[-1].startswith("attention: ")


def test_error_verdict_exit_1(home: Path, tmp_path: Path) -> None:
    broken = tmp_path / "mine.py"
    broken.write_text("def is_match(s, p)\n    return True\n")
    code, verdict, _ = run_json("kata", "wildcard", "--file", str(broken))
    assert code == 1 and isinstance(verdict, dict)
    assert verdict["status"] == "error" and "syntax error (line 1)" in verdict["error"]


def test_load_failure_is_its_own_short_verdict(home: Path, tmp_path: Path) -> None:
    broken = tmp_path / "mine.py"
    broken.write_text("import re\n\n\n\n\n\ndef is_match(:\n    pass\n")
    code, out = run("kata", "wildcard", "--file", str(broken))
    assert code == 1
    lines = [line.strip() for line in out.strip().splitlines()]
    assert lines[-1] == "wildcard: your file does not load: SyntaxError at line 7"
    assert "error: mine.py has a syntax error (line 7): " in out  # the detail stays
    assert "passed" not in out and "failed" not in out and "--seed" not in out
    # the JSON of such a verdict: test_error_verdict_exit_1


def test_missing_function_verdict_and_check_report(home: Path, tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    workspace.mkdir()
    (workspace / "auc.py").write_text("def auc(y_true, y_score):\n    return 0.5\n")
    code, out = run("check", "--workspace", str(workspace))
    assert code == 1
    assert "auc: your file does not load: it does not define roc_auc" in out
    assert out.count("does not define roc_auc") == 2  # the headline and the detail, once each
    assert "0 passed" not in out.replace("check: 0 passed", "")


def _error_verdict(error: str) -> Verdict:
    return Verdict("auc", Path("/w/auc.py"), 0, (), error=error)


@pytest.mark.parametrize(
    ("error", "headline"),
    [
        (
            "auc.py could not be loaded: ModuleNotFoundError: No module named 'nosuch'\n"
            "  helper.py line 9, in f: x\n  auc.py line 2, in <module>: import nosuch",
            "your file does not load: ModuleNotFoundError at line 2",
        ),
        (
            "auc.py could not be loaded: SystemExit (called sys.exit(3))\n"
            "  auc.py line 3, in <module>: raise SystemExit(3)",
            "your file does not load: SystemExit at line 3",
        ),
        (
            "auc.py could not be loaded: the process exited with code 3 (os._exit?)",
            "your file does not load: the process exited with code 3 (os._exit?)",
        ),
        (
            "sklearn is not allowed in this kata (auc.py line 1)",
            "your file is refused: sklearn is not allowed in this kata (auc.py line 1)",
        ),
    ],
)
def test_error_headlines(error: str, headline: str) -> None:
    assert _error_verdict(error).summary_line() == f"auc: {headline}"


def test_unknown_kata_exit_2(home: Path) -> None:
    code, out = run("kata", "atention")
    assert code == 2
    assert "unknown kata 'atention'" in out and "did you mean attention" in out


def test_missing_file_exit_2(home: Path, tmp_path: Path) -> None:
    code, out = run("kata", "auc", "--file", str(tmp_path / "nope.py"))
    assert code == 2 and f"no such file: {tmp_path / 'nope.py'}" in out.replace("\n", "")


def test_bad_timeout_exit_2(home: Path) -> None:
    code, out = run("kata", "auc", "--file", str(KATAS / "auc" / "reference.py"), "--timeout", "0")
    assert code == 2 and "--timeout must be positive" in out


def test_hints_are_progressive(home: Path) -> None:
    outs = [run("kata", "wildcard", "--hint")[1] for _ in range(4)]
    assert "Hint 1/3" in outs[0] and "dp[i][j]" in outs[0]
    assert "Hint 2/3" in outs[1] and "Hint 3/3" in outs[2] and "Hint 3/3" in outs[3]
    assert "last hint" in outs[2]


def test_solution_needs_confirmation_until_passed(home: Path) -> None:
    code, out = run("kata", "auc", "--solution", stdin="n\n")
    assert code == 1 and "not shown" in out and "def roc_auc" not in out
    code, out = run("kata", "auc", "--solution", stdin="y\n")
    assert code == 0 and "def roc_auc" in out
    code, _ = run("kata", "auc", "--file", str(SOLUTIONS / "auc" / "sorted_counting.py"))
    assert code == 0
    code, out = run("kata", "auc", "--solution")
    assert code == 0 and "def roc_auc" in out and "not passed" not in out


SHIPPED = sorted(p.name for p in KATAS.iterdir() if (p / "reference.py").is_file())


def test_solution_is_exactly_the_reference_on_stdout(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    assert len(SHIPPED) >= 30
    for name in SHIPPED:
        reference = (KATAS / name / "reference.py").read_text(encoding="utf-8")
        result = runner.invoke(app, ["kata", name, "--solution", "--yes"])
        assert result.exit_code == 0, result.output
        assert result.stdout == reference, name  # no header, no padding, no wrapping
        ast.parse(result.stdout)
        assert result.stderr == f"{name}: reference solution\n"


def test_solution_in_a_pipe_parses(tmp_path: Path) -> None:
    result = subprocess.run(
        [*MLPREP_CMD, "kata", "attention", "--solution", "--yes"],
        env=cli_env(tmp_path, COLUMNS="60"),
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == (KATAS / "attention" / "reference.py").read_bytes()
    assert b"reference solution" in result.stderr


def test_solution_prompt_and_refusal_stay_off_stdout(home: Path) -> None:
    result = runner.invoke(app, ["kata", "auc", "--solution"], input="n\n")
    assert result.exit_code == 1 and result.stdout == ""
    assert "Show the reference solution anyway?" in result.stderr and "not shown" in result.stderr


def test_name_required_with_file(home: Path) -> None:
    code, out = run("kata", "--file", "x.py")
    assert code == 2 and "give a kata name" in out


def test_check_workspace_json_and_junit(home: Path, tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    workspace.mkdir()
    shutil.copyfile(SOLUTIONS / "wildcard" / "memo_recursion.py", workspace / "wildcard.py")
    shutil.copyfile(KATAS / "auc" / "mutants" / "ties_count_one.py", workspace / "auc.py")
    junit = tmp_path / "out" / "junit.xml"
    code, out = run("check", "--workspace", str(workspace), "--junit", str(junit), "--json")
    assert code == 1
    report = json.loads(out)
    by_name = {k["kata"]: k for k in report["katas"]}
    assert set(by_name) == {"wildcard", "auc"}
    assert by_name["wildcard"]["status"] == "pass" and by_name["auc"]["status"] == "fail"
    root = ET.parse(junit).getroot()
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert {"kata.wildcard", "kata.auc"} <= set(suites)
    auc = suites["kata.auc"]
    cases = auc.findall("testcase")
    assert (
        len(cases)
        == int(auc.get("tests", "0"))
        == by_name["auc"]["passed"] + by_name["auc"]["failed"]
    )
    failures = [c for c in cases if c.find("failure") is not None]
    assert len(failures) == by_name["auc"]["failed"] == int(auc.get("failures", "0"))
    assert int(root.get("tests", "0")) >= len(cases)


def test_check_all_passing_exit_0(home: Path, tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    workspace.mkdir()
    shutil.copyfile(SOLUTIONS / "wildcard" / "backtracking.py", workspace / "wildcard.py")
    code, out = run("check", "--workspace", str(workspace))
    assert code == 0, out
    assert "wildcard: " in out and out.strip().splitlines()[-1] == "check: 1 passed, 0 failed"
    decks = tmp_path / "decks"  # the user's own decks are checked too, and said so
    decks.mkdir()
    (decks / "mine.yaml").write_text(
        "id: mine\ntitle: Mine\ntopic: mine\ncards:\n  - {id: a, q: Q?, a: A.}\n"
    )
    code, out = run("check", "--workspace", str(workspace))
    assert code == 0, out
    assert "your decks: 1 valid deck" in out
    assert out.strip().splitlines()[-1] == "check: 1 passed, 0 failed (1 valid deck)"


@pytest.mark.parametrize(
    "flags", [("--watch", "--solution"), ("--hint", "--solution"), ("--watch", "--hint")]
)
def test_kata_modes_do_not_combine(home: Path, flags: tuple[str, str]) -> None:
    code, out = run("kata", "attention", *flags)
    assert code == 2
    assert f"{flags[0]} and {flags[1]} cannot be combined: choose one" in out


def test_check_missing_workspace_exit_2(home: Path, tmp_path: Path) -> None:
    code, out = run("check", "--workspace", str(tmp_path / "missing"))
    assert code == 2 and "does not exist" in out


def test_kata_commands_never_import_torch_in_the_cli(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from mlprep.cli import app\n"
        f"r = CliRunner().invoke(app, ['kata', 'auc', '--file', {str(KATAS / 'auc' / 'reference.py')!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "print('torch' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        env=cli_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_limited_sandbox_is_said_at_the_top_of_the_report(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLPREP_SANDBOX", "limited")
    solution = tmp_path / "auc.py"
    solution.write_text("def roc_auc(y_true, y_score):\n    return 0.5\n")
    code, out = run("kata", "auc", "--file", str(solution))
    assert code == 1
    lines = [line for line in out.splitlines() if line.strip()]
    assert lines[1] == "sandbox: limited (no Landlock)", out[:400]
    code, data, _err = run_json("kata", "auc", "--file", str(solution))
    assert data["sandbox"] == {"mode": "limited", "landlock_abi": 0, "namespaces": False}
