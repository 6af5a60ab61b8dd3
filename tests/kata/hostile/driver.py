"""Runs the hostile corpus as an ordinary user would meet it, and reports what each attack did.

Started by `tests/kata/test_hostile.py` under an unprivileged uid (or as the
current user where that is not root): one warm checker, then for every attack
the solution file is written to the workspace and checked exactly as
`mlprep kata NAME --file` does (`check_one`, recorded in the store), and the
driver looks for every trace an attack could leave: files changed outside the
run folder (checksums of the package, the katas, the data folder, $HOME, the
workspace and a user-owned import folder), forged store rows, processes left
behind, the time taken. Prints one JSON object: attack name -> findings.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))

from mlprep.kata.catalogue import find_kata  # noqa: E402
from mlprep.kata.judge.check import Checker  # noqa: E402
from mlprep.kata.model import FAIL, CaseResult, Verdict  # noqa: E402
from mlprep.kata.progress import record_attempt  # noqa: E402
from mlprep.kata.service import limits_for  # noqa: E402
from mlprep.paths import resolve_paths  # noqa: E402
from tests.kata.hostile.corpus import all_attacks, fill  # noqa: E402

STORE_FILES = {
    "mlprep.db", "mlprep.db-wal", "mlprep.db-shm", "mlprep.db-journal", "mlprep.db.checked"
}  # fmt: skip


def snapshot(roots: list[Path], hashed: list[Path]) -> dict[str, tuple[object, ...]]:
    """Everything under `roots` that an attack could change: kind, mode, size, times (the
    change time, which no process can set, moves with every write, chmod or utime), inode,
    and under `hashed` (the user's own folders) the content's SHA-256 too."""
    seen: dict[str, tuple[object, ...]] = {}
    for root in roots:
        digest_here = root in hashed
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            for name in [*dirs, *files, "."]:
                path = Path(folder, name)
                if name in STORE_FILES:
                    continue
                try:
                    info = path.lstat()
                except OSError:
                    continue
                entry: tuple[object, ...] = (stat.S_IFMT(info.st_mode), stat.S_IMODE(info.st_mode))
                if stat.S_ISLNK(info.st_mode):
                    entry += (os.readlink(path),)
                elif stat.S_ISREG(info.st_mode):
                    digest = ""
                    if digest_here:
                        digest = hashlib.sha256(path.read_bytes()).hexdigest() if os.access(
                            path, os.R_OK) else "unreadable"  # fmt: skip
                    entry += (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, digest)
                seen[str(path)] = entry
    return seen


def attempt_rows(store: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as db:
        return list(db.execute("SELECT id, kata, status, passed, failed, seed FROM kata_attempts"))


def own_processes(exclude: set[int]) -> list[str]:
    """This user's processes other than `exclude` (the driver and its warm worker)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) in exclude:
            continue
        try:
            if entry.stat().st_uid != os.getuid():
                continue
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        found.append(f"{entry.name}: {cmd.strip() or '(no command line)'}")
    return found


def main() -> None:
    paths = resolve_paths()
    home, usersite = Path.home(), Path(os.environ["HOSTILE_USERSITE"])
    katas = paths.shipped_katas.resolve()
    paths.workspace.mkdir(parents=True, exist_ok=True)
    paths.home.mkdir(parents=True, exist_ok=True)
    # a store with history, as a user has it
    seed_file = paths.workspace / "attention.py"
    seed_file.write_text("# first try\n")
    record_attempt(paths, Verdict("attention", seed_file, 0, (CaseResult("x", FAIL, "wrong", ""),)))
    root_mode = os.geteuid() == 0
    mine = [paths.home, paths.workspace, home, usersite]
    roots = [*mine, katas, REPO / "mlprep"]
    results: dict[str, Any] = {}
    with Checker(paths.shipped_katas, ["torch"]) as checker:
        keep = {os.getpid()}
        assert checker.server._proc is not None
        keep.add(checker.server._proc.pid)
        only = [n for n in os.environ.get("HOSTILE_ONLY", "").split(",") if n]
        for attack in all_attacks():
            if only and attack.name not in only:
                continue
            if attack.needs_process_cap and root_mode:
                results[attack.name] = {"skipped": "root: the kernel does not cap processes"}
                continue
            kata = find_kata(katas, attack.kata)
            places = {
                "REF": str(kata.reference), "KATA_DIR": str(kata.folder), "KATAS": str(katas),
                "STORE": str(paths.store), "DATA": str(paths.home), "HOME": str(home),
                "WORKSPACE": str(paths.workspace), "USERSITE": str(usersite),
                "PKG": str(REPO / "mlprep"),
                "SOLUTION": str(paths.workspace / f"{attack.kata}.py"),
            }  # fmt: skip
            solution = paths.workspace / f"{attack.kata}.py"
            solution.write_text(fill(attack.source, places))
            before = snapshot(roots, mine)
            rows_before = attempt_rows(paths.store)
            started = time.monotonic()
            error = ""
            try:
                # what `mlprep kata NAME --file` does, less the mutant diagnosis, and stopping
                # at the first failing case: an attack acts on its first call, and a memory
                # bomb run on all 26 cases took 6 s of the corpus's 25
                verdict = checker.check(
                    kata,
                    solution,
                    limits=limits_for(kata, attack.timeout),
                    diagnose=False,
                    fail_fast=True,
                )
                record_attempt(paths, verdict)
                status, text = (
                    verdict.status,
                    " | ".join(
                        [verdict.error or ""]
                        + [c.message for c in verdict.cases]
                        + [verdict.output]
                    ),
                )
                sandbox = verdict.sandbox
            except Exception as exc:  # the CLI would show this as an error (exit 2)
                status, text, sandbox, error = "exception", "", {}, f"{type(exc).__name__}: {exc}"
            elapsed = time.monotonic() - started
            left: list[str] = []
            deadline = time.monotonic() + 5.0
            while time.monotonic() < deadline:
                left = own_processes(keep)
                if not left:
                    break
                time.sleep(0.1)
            waited = time.monotonic() - started - elapsed
            after = snapshot(roots, mine)
            changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
            try:
                rows = attempt_rows(paths.store)
                new_rows = [r for r in rows if r not in rows_before]
                lost = [r for r in rows_before if r not in rows]
            except sqlite3.Error as exc:
                new_rows, lost = [], [f"store unreadable: {exc}"]
            results[attack.name] = {
                "status": status,
                "text": text[:4000],
                "error": error,
                "elapsed": elapsed,
                "waited": waited,
                "changed": changed[:20],
                "new_rows": [list(r) for r in new_rows],
                "lost_rows": [list(r) for r in lost],
                "left_processes": left,
                "sandbox": sandbox,
                "escape_in_output": "\x1b" in text,
            }
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
