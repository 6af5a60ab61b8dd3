"""`mlprep doctor`: check the installation and say what to fix. Returns data; never prints."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mlprep.errors import MlprepError
from mlprep.install_hint import kata_install_command
from mlprep.paths import Paths

OK, WARN, FAIL = "ok", "warn", "fail"


@dataclass(frozen=True)
class Check:
    name: str
    status: str  # ok | warn | fail
    detail: str
    fix: str = ""
    facts: dict[str, object] = field(default_factory=dict)  # machine-readable details


def _sandbox() -> Check:
    """The kata sandbox this machine gives: full (Landlock and namespaces) or limited."""
    from mlprep.kata.runner.jobs import SANDBOX_ENV, sandbox_setting
    from mlprep.kata.runner.sandbox import probe

    setting = sandbox_setting()
    boundary = probe(setting)
    facts: dict[str, object] = {**boundary.to_json(), "setting": setting}
    if boundary.mode == "full":
        return Check(
            "sandbox",
            OK,
            f"full: Landlock ABI {boundary.landlock_abi}, user/PID/network namespaces",
            facts=facts,
        )
    if setting == "limited":
        why, fix = f"turned off by {SANDBOX_ENV}=limited", f"unset {SANDBOX_ENV}"
    elif boundary.landlock_abi < 1:
        why = "no Landlock"
        fix = "katas still run, guarded in-process only; Linux 5.13+ with Landlock enabled gives the full sandbox"
    else:
        why = "no unprivileged user namespaces"
        fix = "enable them (sysctl kernel.unprivileged_userns_clone=1) for the full sandbox"
    return Check("sandbox", WARN, f"sandbox: limited ({why})", fix, facts)


def _python() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    return Check("python", OK, f"Python {version} at {sys.executable}")


def _torch() -> Check:
    """Imported in a child process: a broken torch must not take doctor down with it."""
    probe = "import torch; print(torch.__version__)"
    try:
        result = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
        )
    except subprocess.TimeoutExpired:
        return Check("torch", FAIL, "importing torch took over 2 minutes", "reinstall torch")
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["import failed"])[-1]
        return Check(
            "torch",
            WARN,
            f"not importable ({last}); the quiz works, katas need it",
            kata_install_command(),
        )
    return Check("torch", OK, f"torch {result.stdout.strip()} (katas can run)")


def _store(paths: Paths) -> Check:
    from mlprep.store import open_store

    if not paths.store.exists():
        return Check("store", OK, f"{paths.store} not created yet (it is made on the first answer)")
    try:
        with open_store(paths.store, create=False) as store:
            verdict = store.integrity()
            reviews = store.review_count()
    except MlprepError as error:
        return Check("store", FAIL, error.message, error.hint or "")
    if verdict != "ok":
        return Check(
            "store",
            FAIL,
            f"{paths.store}: integrity check says {verdict}",
            "copy the file aside and restore a backup (mlprep.db.v*.bak) if you have one",
        )
    answers = f"{reviews} answer{'' if reviews == 1 else 's'}"
    return Check("store", OK, f"{paths.store}: {answers}, integrity ok")


def _folder(name: str, folder: Path, purpose: str) -> Check:
    if folder.exists() and not folder.is_dir():
        return Check(name, FAIL, f"{folder} is a file, not a folder", f"move it aside; {purpose}")
    existing = folder if folder.exists() else next((p for p in folder.parents if p.exists()), None)
    if existing is None or not os.access(existing, os.W_OK):
        return Check(name, FAIL, f"{folder} is not writable", f"fix its permissions; {purpose}")
    state = "exists" if folder.exists() else "will be created when needed"
    return Check(name, OK, f"{folder} ({state})")


def _decks(paths: Paths) -> Check:
    from mlprep.decks.catalog import lint

    try:
        result = lint(paths)
    except MlprepError as error:
        return Check("decks", FAIL, error.message, error.hint or "")
    cards = sum(len(d.cards) for d in result.decks)
    if not result.ok:
        first = result.problems[0]
        return Check(
            "decks",
            FAIL,
            f"{len(result.problems)} problem(s), first: {first}",
            "run `mlprep deck lint` and fix each located problem",
        )
    return Check("decks", OK, f"{len(result.decks)} decks, {cards} cards, all valid")


def _katas(paths: Paths) -> Check:
    folder = paths.shipped_katas
    names = sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    if not names:
        return Check("katas", WARN, f"no katas found in {folder}", "reinstall mlprep")
    return Check("katas", OK, f"{len(names)} katas in {folder}")


def run_checks(paths: Paths, *, check_torch: bool = True) -> list[Check]:
    checks = [_python()]
    if check_torch:
        checks.append(_torch())
    checks += [
        _store(paths),
        _folder("data folder", paths.home, "or set MLPREP_HOME to a writable folder"),
        _folder("your decks", paths.user_decks, "or set MLPREP_DECKS"),
        _folder("workspace", paths.workspace, "or set MLPREP_WORKSPACE"),
        _decks(paths),
        _katas(paths),
        _sandbox(),
    ]
    return checks
