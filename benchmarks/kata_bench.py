"""Kata timing helpers for the benchmark: cold verdicts, warm watch re-checks, verify/check scaling."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

MLPREP = [sys.executable, "-m", "mlprep"]


def solution_copy(work: Path, kata: str, repo: Path) -> Path:
    """The reference solution, copied to a user-like file outside the kata folder."""
    target = work / f"{kata}_solution.py"
    shutil.copyfile(repo / "katas" / kata / "reference.py", target)
    return target


def _read_json_object(stream: object) -> float:
    """Block until a complete top-level JSON object has been printed; return the time it ended."""
    readline = stream.readline  # type: ignore[attr-defined]
    while True:
        line = readline()
        if not line:
            raise RuntimeError("watch process ended early")
        if line.rstrip("\n") == "}":
            return time.perf_counter()


def watch_rechecks(
    work: Path, kata: str, repo: Path, env: dict[str, str], saves: int
) -> tuple[float, list[float]]:
    """(first verdict seconds, [seconds from each save to its verdict]) with the real --watch CLI."""
    file = solution_copy(work, kata, repo)
    started = time.perf_counter()
    process = subprocess.Popen(
        [*MLPREP, "kata", kata, "--file", str(file), "--watch", "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    try:
        assert process.stdout is not None
        first = _read_json_object(process.stdout) - started  # banners go to stderr
        rechecks = []
        for index in range(saves):
            time.sleep(0.5)
            with file.open("a", encoding="utf-8") as out:
                out.write(f"\n# save {index}\n")
            saved = time.perf_counter()
            rechecks.append(_read_json_object(process.stdout) - saved)
        return first, rechecks
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


VERIFY_SNIPPET = """
import sys, time
from pathlib import Path
from mlprep.kata.catalogue import load_catalogue
from mlprep.kata.verify import verify_all
root = Path(sys.argv[1])
names = [k.name for k in load_catalogue(root)][: int(sys.argv[2])]
started = time.perf_counter()
report = verify_all(root, names=names, decks=None, jobs=int(sys.argv[3]) or None)
assert report.ok, report.to_json()
print(time.perf_counter() - started)
"""


def verify_seconds(repo: Path, env: dict[str, str], count: int, jobs: int = 0) -> float:
    """Seconds for `verify` of the first `count` katas, `jobs` at a time (0: one per core)."""
    result = subprocess.run(
        [sys.executable, "-c", VERIFY_SNIPPET, str(repo / "katas"), str(count), str(jobs)],
        env=env, capture_output=True, text=True, timeout=1800, check=True,
    )  # fmt: skip
    return float(result.stdout.strip().splitlines()[-1])


def kata_names(repo: Path) -> list[str]:
    from mlprep.kata.catalogue import load_catalogue

    return [k.name for k in load_catalogue(repo / "katas")]


def check_workspace_seconds(work: Path, repo: Path, env: dict[str, str], names: list[str]) -> float:
    workspace = work / f"ws-{len(names)}"
    workspace.mkdir()
    for name in names:
        shutil.copyfile(repo / "katas" / name / "reference.py", workspace / f"{name}.py")
    started = time.perf_counter()
    subprocess.run(
        [*MLPREP, "check", "--workspace", str(workspace), "--json"],
        env=env, capture_output=True, text=True, timeout=1800, check=True,
    )  # fmt: skip
    return time.perf_counter() - started
