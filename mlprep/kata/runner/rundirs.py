"""Run folders: one private folder per job, under one per-user root, never left behind for long.

Each folder's name carries the checker's pid, so a checker that was killed
(SIGKILL leaves no chance to clean up) has its folders removed by the next one.
Removal copes with whatever a job made there: read-only folders, FIFOs, links.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from pathlib import Path

from mlprep.paths import kata_runs_root

PREFIX = "run-"


def run_root() -> Path:
    """The per-user folder that holds every run folder (mode 700, owned by this user)."""
    root = kata_runs_root()
    with contextlib.suppress(FileExistsError):
        root.mkdir(mode=0o700)
    info = root.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        # someone else's folder, or a link: use a fresh private one instead
        return Path(tempfile.mkdtemp(prefix=f"mlprep-{os.getuid()}-"))
    return root


def make_run_dir(kind: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-{kind}-", dir=run_root()))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_stale() -> int:
    """Remove run folders of checkers that no longer run; how many were removed."""
    removed = 0
    with contextlib.suppress(OSError):
        for entry in os.scandir(run_root()):
            parts = entry.name.split("-")
            stale = len(parts) > 2 and parts[1].isdigit() and not _alive(int(parts[1]))
            if entry.name.startswith(PREFIX) and stale:
                remove_tree(Path(entry.path))
                removed += 1
    return removed


def remove_own_run_dirs() -> None:
    """Remove every run folder this process made (on the way out)."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(run_root()):
            if entry.name.startswith(f"{PREFIX}{os.getpid()}-"):
                remove_tree(Path(entry.path))


def remove_tree(path: Path) -> None:
    """Remove `path` and everything in it, making folders writable first; never follow links."""

    def retry(function: object, failed: str, _info: object) -> None:
        with contextlib.suppress(OSError):
            os.chmod(os.path.dirname(failed), 0o700)
            if os.path.isdir(failed) and not os.path.islink(failed):
                os.chmod(failed, 0o700)
                shutil.rmtree(failed, ignore_errors=True)
            else:
                os.unlink(failed)

    with contextlib.suppress(OSError):
        os.chmod(path, 0o700)
    shutil.rmtree(path, onerror=retry)
