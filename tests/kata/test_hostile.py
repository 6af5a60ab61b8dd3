"""The hostile corpus, run as an unprivileged user: nothing passes, nothing outside changes.

Every attack in `hostile/corpus.py` is checked by `hostile/driver.py` in one
process (one warm worker), started as uid 65534 when the suite runs as root:
root ignores file modes and can signal every process, so hostile code never
runs as root here unless the kernel sandbox is verified to hold. For each
attack: the verdict is not a pass (and says what stopped it), no file outside
the run folder changed, the store has exactly one new, honest row, no process
is left 5 s after the check, the check took under 120 s, and what the solution
printed reaches the report as text, not terminal control.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any, cast

import pytest

from mlprep.kata.runner.isolation import namespaces_available
from mlprep.kata.runner.landlock import abi_version
from tests.conftest import REPO
from tests.kata.hostile.corpus import all_attacks

UNPRIVILEGED = 65534
ATTACKS = {a.name: a for a in all_attacks()}


def _site() -> str:
    return sysconfig.get_paths()["purelib"]


def _unprivileged_python() -> list[str] | None:
    """A command prefix that runs this project's Python as uid 65534, if this machine has one."""
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    prefix = [
        setpriv, f"--reuid={UNPRIVILEGED}", f"--regid={UNPRIVILEGED}", "--clear-groups",
        "--inh-caps=-all", "--bounding-set=-all",
    ]  # fmt: skip
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": f"{_site()}:{REPO}"}
    major_minor = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for exe in (sys.executable, shutil.which(major_minor) or "", "/usr/bin/python3"):
        if not exe:
            continue
        # the interpreter must also start itself again (the checker's worker does): setpriv
        # looked it up with root's rights, a process of the user must be able to
        needs = "import torch, numpy, yaml, typer, rich, fsrs, platformdirs, mlprep"
        probe = (
            "import subprocess, sys; "
            f"sys.exit(subprocess.run([sys.executable, '-c', {needs!r}]).returncode)"
        )
        try:
            done = subprocess.run(
                [*prefix, exe, "-c", probe], env=env, capture_output=True, timeout=120,
                cwd="/",
            )  # fmt: skip
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return [*prefix, exe]
    return None


def _uid_processes(uid: int) -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    found.append((entry / "cmdline").read_bytes().decode(errors="replace"))
            except OSError:
                continue
    return found


@pytest.fixture(scope="session")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The corpus's findings (attack name -> what the driver found), run once per test session.

    Under pytest-xdist every worker asks for it: the first one runs the driver and
    writes the findings next to the workers' temporary folders, under a file lock;
    the others wait for the lock and read them. (One driver at a time also keeps
    one corpus from seeing another's processes as its own leftovers.)
    """
    shared = tmp_path_factory.getbasetemp().parent
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        shared = tmp_path_factory.getbasetemp()
    findings = shared / "hostile-findings.json"
    with open(shared / "hostile.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not findings.exists():
            findings.write_text(json.dumps(_run_corpus()))
    found = cast("dict[str, Any]", json.loads(findings.read_text()))
    if "__skip__" in found:
        pytest.skip(found["__skip__"])
    return found


def _run_corpus() -> dict[str, Any]:
    """Run the driver (as uid 65534 when this is root) and return its findings."""
    mode = "current user"
    prefix: list[str] | None = [sys.executable]
    if os.geteuid() == 0:
        prefix = _unprivileged_python()
        mode = f"uid {UNPRIVILEGED}"
        if prefix is None:
            if abi_version() < 1 or not namespaces_available():
                return {
                    "__skip__": "running as root with no Python that uid 65534 can run and no "
                    "kernel sandbox to hold hostile code: not safe to run the hostile corpus here"
                }
            prefix, mode = [sys.executable], "root inside the verified kernel sandbox"
    base = Path(tempfile.mkdtemp(prefix="mlprep-hostile-"))
    base.chmod(0o755)
    places = {name: base / name for name in ("home", "data", "workspace", "usersite")}
    for folder in places.values():
        folder.mkdir()
        if mode.startswith("uid"):
            os.chown(folder, UNPRIVILEGED, UNPRIVILEGED)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "HOME": str(places["home"]),
        "MLPREP_HOME": str(places["data"]),
        "MLPREP_WORKSPACE": str(places["workspace"]),
        "MLPREP_DECKS": str(places["data"] / "decks"),
        "HOSTILE_USERSITE": str(places["usersite"]),
        "PYTHONPATH": f"{places['usersite']}:{_site()}:{REPO}",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    try:
        done = subprocess.run(
            [*prefix, str(REPO / "tests" / "kata" / "hostile" / "driver.py")],
            env=env, capture_output=True, text=True, timeout=900, cwd=str(base),
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-3000:]
        results = json.loads(done.stdout)
        results["__mode__"] = mode
        results["__left__"] = _uid_processes(UNPRIVILEGED) if mode.startswith("uid") else []
        return results
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_corpus_is_large_and_complete(hostile_run: dict[str, Any]) -> None:
    assert len(ATTACKS) >= 50
    assert set(ATTACKS) <= set(hostile_run)
    if os.geteuid() == 0:
        assert hostile_run["__mode__"] != "current user"  # never hostile code as plain root
    assert hostile_run["__left__"] == [], "processes of the unprivileged user remain"


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_attack_is_contained(hostile_run: dict[str, Any], name: str) -> None:
    found = hostile_run[name]
    if "skipped" in found:
        pytest.skip(f"{name}: {found['skipped']}")
    where = f"{name}: {found['text'][:600]}"
    assert found["error"] == "", found["error"]
    assert found["status"] in ("fail", "error"), where
    assert found["changed"] == [], f"{name} changed files outside its run folder"
    assert found["lost_rows"] == [], f"{name} changed the store"
    assert len(found["new_rows"]) == 1 and found["new_rows"][0][2] != "pass", found["new_rows"]
    assert found["left_processes"] == [], f"{name} left processes behind"
    assert found["elapsed"] < 120
    assert not found["escape_in_output"], f"{name}: control characters reached the report"
    expect = ATTACKS[name].expect
    if expect is not None:
        assert expect in found["text"], where
