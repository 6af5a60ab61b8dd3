"""`mlprep kata NAME --watch`: re-check on every save with one warm worker."""

from __future__ import annotations

import difflib
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from mlprep.kata.judge.check import Checker
from mlprep.kata.model import Kata, Verdict
from mlprep.paths import Paths

POLL_SECONDS = 0.3


def _signature(path: Path) -> tuple[float, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime, stat.st_size)


def changes(file: Path, stop: threading.Event, *, force_polling: bool = False) -> Iterator[None]:
    """Yield once per change of `file` until `stop` is set (watchfiles if installed, else polling)."""
    if not force_polling:
        try:
            import watchfiles
        except ImportError:
            watchfiles = None  # type: ignore[assignment]
        if watchfiles is not None:
            target = str(file.resolve())
            for _batch in watchfiles.watch(
                file.parent,
                watch_filter=lambda _change, path: str(Path(path).resolve()) == target,
                stop_event=stop,
                debounce=200,
                step=50,
                rust_timeout=500,
                yield_on_timeout=False,
                raise_interrupt=True,
                recursive=False,
            ):
                yield None
            return
    last = _signature(file)
    while not stop.is_set():
        time.sleep(POLL_SECONDS)
        now = _signature(file)
        if now != last:
            last = now
            yield None


def _source(file: Path) -> list[str] | None:
    try:
        return file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None


def describe_change(before: list[str] | None, after: list[str] | None) -> str:
    """What a save changed, in words: `3 lines changed`, `no change in the text`, `file removed`."""
    if after is None:
        return "file removed or unreadable"
    if before is None:
        return "file created"
    changed = sum(
        max(i2 - i1, j2 - j1)
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after).get_opcodes()
        if tag != "equal"
    )
    if not changed:
        return "saved, no change in the text"
    return f"saved, {changed} line{'' if changed == 1 else 's'} changed"


def watch(
    paths: Paths,
    kata: Kata,
    file: Path,
    check: Callable[[Checker], Verdict],
    on_verdict: Callable[[Verdict], None],
    stop: threading.Event | None = None,
    *,
    force_polling: bool = False,
    on_run: Callable[[int, str], None] | None = None,
) -> Verdict | None:
    """Check now and after every change until `stop` is set (or Ctrl-C); the last verdict.

    `on_run(number, what_changed)` is told before each run, so two identical
    verdicts can be told apart.
    """
    stop = stop or threading.Event()
    last: Verdict | None = None
    seen = _source(file)
    runs = 1
    with Checker(paths.shipped_katas, kata.preload, case_cache=paths.kata_cases) as checker:
        if on_run is not None:
            on_run(runs, "first check")
        last = check(checker)
        on_verdict(last)
        for _ in changes(file, stop, force_polling=force_polling):
            if stop.is_set():
                break
            now = _source(file)
            runs += 1
            if on_run is not None:
                on_run(runs, describe_change(seen, now))
            seen = now
            last = check(checker)
            on_verdict(last)
    return last
