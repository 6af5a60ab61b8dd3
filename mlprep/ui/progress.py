"""Feedback on long work, on stderr and only on a terminal: never in a pipe or under `--json`."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from mlprep.kata.tally import Progress as ProgressSink
from mlprep.ui.console import stderr_console

SPINNER_AFTER = 0.5  # seconds: a check quicker than this shows no spinner at all


def _shown(console: Console, as_json: bool) -> bool:
    return console.is_terminal and not as_json


@contextmanager
def progress_bar(label: str, *, as_json: bool) -> Iterator[ProgressSink | None]:
    """A `(done, total, what)` sink drawing a bar with counts and the last item, or None."""
    console = stderr_console()
    if not _shown(console, as_json):
        yield None
        return
    bar = Progress(
        TextColumn(f"[bold]{escape(label)}[/]"),
        BarColumn(bar_width=20),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("[muted]{task.description}[/]"),
        console=console,
        transient=True,
    )
    task = bar.add_task("", total=None)

    def sink(done: int, total: int, what: str) -> None:
        bar.update(task, completed=done, total=total, description=escape(what))

    with bar:
        yield sink


@contextmanager
def spinner(message: str, *, as_json: bool) -> Iterator[None]:
    """A spinner on stderr once the work inside has taken `SPINNER_AFTER` seconds."""
    console = stderr_console()
    if not _shown(console, as_json):
        yield
        return
    status = console.status(f"[muted]{escape(message)}[/]")
    lock = threading.Lock()
    state = {"started": False, "finished": False}

    def start() -> None:
        with lock:
            if not state["finished"]:
                status.start()
                state["started"] = True

    timer = threading.Timer(SPINNER_AFTER, start)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["finished"] = True
            if state["started"]:
                status.stop()
