"""`mlprep verify`: every shipped kata is trustworthy, and `-j N` changes nothing but the time.

In a file of its own: it is the longest test, and the suite balances whole files
across its workers.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mlprep.cli import app
from mlprep.kata.verify import verify_all
from tests.kata.conftest import KATAS

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_verify_json_all_green(home: Path) -> None:
    code, out = run("verify", "--json")
    report = json.loads(out)
    assert code == 0, out
    assert set(report) == {"katas", "decks"}
    names = {k["name"] for k in report["katas"]}
    assert {"attention", "mha", "wildcard", "auc"} <= names
    for item in report["katas"]:
        assert item["reference"] == "pass", item
        assert item["starter"] == "fail", item
        assert item["mutants"]["total"] >= 3
        assert item["mutants"]["killed"] == item["mutants"]["total"], item
        assert item["mutants"]["survivors"] == []
    assert report["decks"].get("ok") is True


def test_parallel_verify_equals_serial(home: Path) -> None:
    names = ["reverse_list_ii", "logistic_regression", "kmeans"]  # quick ones: order is the point
    serial = verify_all(KATAS, names=names, decks=None, jobs=1)
    parallel = verify_all(KATAS, names=names, decks=None, jobs=2)
    assert parallel.to_json() == serial.to_json()
    assert [k.name for k in parallel.katas] == names
    assert parallel.ok


def test_jobs_must_be_positive(home: Path) -> None:
    code, out = run("verify", "--jobs", "-1")
    assert code == 2
    assert "--jobs must be 1 or more, got -1" in out


def test_verify_named_katas_only(home: Path) -> None:
    code, out = run("verify", "--json", "reverse_list_ii")
    report = json.loads(out)
    assert code == 0, out
    assert [k["name"] for k in report["katas"]] == ["reverse_list_ii"]
    assert report["decks"] == {}
    code, out = run("verify", "no_such_kata")
    assert code == 2
    assert "unknown kata 'no_such_kata'" in out
