"""The user's kata history: attempts in the store, status per kata, hints already shown."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from mlprep.errors import StoreError
from mlprep.kata.model import Kata, Text, Verdict
from mlprep.paths import Paths
from mlprep.store import KataAttempt, open_store

NOT_STARTED = "not started"
FAILING = "failing"
PASSING = "passing"
HINTS_FILE = "kata-hints.json"


@dataclass(frozen=True)
class KataStatus:
    """Where the user stands on one kata."""

    status: str  # not started | failing | passing
    attempts: int = 0
    best_passed: int = 0
    best_total: int = 0

    @property
    def best(self) -> str:
        return f"{self.best_passed}/{self.best_total}" if self.best_total else ""


UNSAVED_FILE = "kata-attempts-unsaved.jsonl"


def check_store(paths: Paths) -> None:
    """Before a check runs: the store its verdict goes to must be writable and sound.

    Raises `StoreError` (exit 2) up front instead of running the check and then
    failing to keep the verdict, and never writes into a damaged store.
    """
    with open_store(paths.store):
        pass


def record_attempt(paths: Paths, verdict: Verdict, at: datetime | None = None) -> Path | None:
    """Store the attempt; returns None, or the side file it went to when the store refused it.

    The store is checked before a check starts (`check_store`); should it fail
    afterwards anyway, the attempt is appended to a JSON-lines file next to it
    so no verdict is lost.
    """
    moment = at or datetime.now(timezone.utc)
    try:
        with open_store(paths.store) as store:
            store.record_kata_attempt(
                verdict.kata, verdict.status, verdict.passed, verdict.failed, verdict.seed, moment
            )
        return None
    except StoreError:
        side = paths.home / UNSAVED_FILE
        row = {
            "kata": verdict.kata,
            "status": verdict.status,
            "passed": verdict.passed,
            "failed": verdict.failed,
            "seed": verdict.seed,
            "at": moment.isoformat(),
        }
        try:
            with side.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(row) + "\n")
        except OSError:
            return None
        return side


def status_from(attempts: list[KataAttempt]) -> KataStatus:
    """not started / failing / passing (ever passed), with the best result seen."""
    if not attempts:
        return KataStatus(NOT_STARTED)
    best = max(attempts, key=lambda a: (a.status == "pass", a.passed, -a.failed))
    status = PASSING if any(a.status == "pass" for a in attempts) else FAILING
    return KataStatus(status, len(attempts), best.passed, best.passed + best.failed)


def statuses(paths: Paths) -> dict[str, KataStatus]:
    """Status per kata name, from the store (an absent store means nothing started)."""
    if not paths.store.exists():
        return {}
    with open_store(paths.store, create=False) as store:
        attempts = store.kata_attempts()
    by_kata: dict[str, list[KataAttempt]] = {}
    for attempt in attempts:
        by_kata.setdefault(attempt.kata, []).append(attempt)
    return {name: status_from(items) for name, items in by_kata.items()}


def has_passed(paths: Paths, name: str) -> bool:
    return statuses(paths).get(name, KataStatus(NOT_STARTED)).status == PASSING


def _read_hints(path: Path) -> dict[str, int]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): int(v) for k, v in data.items() if isinstance(v, int)}


def next_hint(paths: Paths, kata: Kata) -> tuple[int, Text]:
    """The next hint (1-based number, text); the last one repeats once all were shown."""
    path = paths.home / HINTS_FILE
    shown = _read_hints(path)
    number = min(shown.get(kata.name, 0) + 1, len(kata.hints))
    shown[kata.name] = number
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(shown, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)
    return number, kata.hints[number - 1]
