"""Long work shows progress on a terminal (stderr), and nothing in a pipe or under --json."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pexpect
import pytest

from tests.conftest import MLPREP_CMD, REPO, cli_env

pytestmark = pytest.mark.slow

FAST_KATA = "logistic_regression"  # the quickest to verify: the test is about the screen
SOLVED = REPO / "katas" / "kmeans" / "reference.py"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def in_terminal(env: dict[str, str], *args: str) -> str:
    child = pexpect.spawn(
        MLPREP_CMD[0], [*MLPREP_CMD[1:], *args], env=env, encoding="utf-8", timeout=120,
        dimensions=(30, 100),
    )  # fmt: skip
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return ANSI.sub("", child.before or "")


def in_a_pipe(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*MLPREP_CMD, *args], env=env, capture_output=True, text=True, timeout=120, check=True
    )


def test_verify_shows_progress_on_a_terminal_only(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    shown = in_terminal(env, "verify", FAST_KATA)
    assert re.search(r"verify .*0/1", shown), shown
    assert re.search(rf"1/1 .*{FAST_KATA}: ok, \d+/\d+ mutants killed", shown), shown
    piped = in_a_pipe(env, "verify", FAST_KATA)
    assert piped.stderr == ""
    assert "0/1" not in piped.stdout and "verify: 1 passed, 0 failed" in piped.stdout
    as_json = in_terminal(env, "verify", "--json", FAST_KATA)
    assert json.loads(as_json)["katas"][0]["name"] == FAST_KATA  # nothing but the JSON


def test_check_shows_progress_on_a_terminal_only(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    shutil.copyfile(SOLVED, workspace / "kmeans.py")
    shown = in_terminal(env, "check")
    assert re.search(r"check .*1/1 .*kmeans: \d+ passed, 0 failed", shown), shown
    piped = in_a_pipe(env, "check")
    assert piped.stderr == "" and "1/1" not in piped.stdout
    as_json = in_terminal(env, "check", "--json")
    assert json.loads(as_json)["ok"] is True
