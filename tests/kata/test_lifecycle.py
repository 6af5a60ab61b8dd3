"""No exit path of the CLI leaves a job running or a run folder behind.

A solution that sleeps inside its call keeps a job busy; the real `mlprep`
(`kata`, `kata --watch`, `check`) is then ended by SIGTERM, SIGHUP or SIGKILL.
Within 5 s no process of the job remains (they are found by their working
folder, the run folder), and after TERM/HUP the run folders are gone too; after
SIGKILL, which leaves no chance to clean up, the next checker removes them.
The solution is benign (it only sleeps), so this runs as whatever user runs it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from mlprep.kata.runner.rundirs import run_root, sweep_stale
from tests.conftest import MLPREP_CMD, cli_env

SLEEPER = "import time\n\ndef is_match(s, p):\n    time.sleep(60)\n    return False\n"


def _job_processes(pid: int) -> list[int]:
    """Processes whose working folder is one of `pid`'s run folders."""
    prefix = str(run_root() / f"run-{pid}-")
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.readlink(entry / "cwd").startswith(prefix):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def _run_dirs(pid: int) -> list[Path]:
    return list(run_root().glob(f"run-{pid}-*"))


def _wait_for(condition: object, limit: float) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize(
    ("command", "sig"),
    [
        (["kata", "wildcard", "--file", "{file}"], signal.SIGTERM),
        (["kata", "wildcard", "--file", "{file}", "--watch"], signal.SIGHUP),
        (["check", "--workspace", "{workspace}"], signal.SIGTERM),
        (["kata", "wildcard", "--file", "{file}"], signal.SIGKILL),
    ],
    ids=["kata-TERM", "watch-HUP", "check-TERM", "kata-KILL"],
)
def test_signal_ends_every_job(tmp_path: Path, command: list[str], sig: int) -> None:
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    solution = workspace / "wildcard.py"
    solution.write_text(SLEEPER)
    args = [a.format(file=solution, workspace=workspace) for a in command]
    cli = subprocess.Popen(
        [*MLPREP_CMD, *args], env=cli_env(tmp_path), stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        assert _wait_for(lambda: _job_processes(cli.pid), 60), "no job started"
        jobs = _job_processes(cli.pid)
        cli.send_signal(sig)
        cli.wait(timeout=30)
        assert _wait_for(lambda: not any(Path(f"/proc/{p}").exists() for p in jobs), 5), (
            "job processes outlived the CLI"
        )
        assert _job_processes(cli.pid) == []
        output = cli.stdout.read().decode() if cli.stdout else ""
        assert "Traceback" not in output
        if sig == signal.SIGKILL:
            # SIGKILL leaves no chance to clean up: the next checker (any other checker
            # starting meanwhile, too: the suite runs in parallel) removes the folders
            sweep_stale()
        assert _run_dirs(cli.pid) == []
        assert cli.returncode == -sig
    finally:
        if cli.poll() is None:
            cli.kill()
            cli.wait()
