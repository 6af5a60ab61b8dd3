"""Errors and short notices, always on stderr so JSON on stdout stays clean."""

from __future__ import annotations

from collections.abc import Sequence

from rich.markup import escape

from mlprep.errors import DeckError, MlprepError, Problem
from mlprep.ui.console import stderr_console


def print_error(error: MlprepError) -> None:
    console = stderr_console()
    if isinstance(error, DeckError):
        for problem in error.problems:
            console.print(f"[error]error:[/] {escape(str(problem))}", soft_wrap=True)
    else:
        console.print(f"[error]error:[/] {escape(error.message)}", soft_wrap=True)
    if error.hint:
        console.print(f"[muted]hint:[/] {escape(error.hint)}", soft_wrap=True)


def print_traceback() -> None:
    """`--debug`: the full traceback of the error being handled."""
    stderr_console().print_exception()


def print_deck_warnings(problems: Sequence[Problem]) -> None:
    """Broken user decks that were skipped: one warning with every lint message."""
    console = stderr_console()
    files = sorted({str(p.location.path) for p in problems})
    console.print(
        f"[warn]warning:[/] skipped {len(files)} broken deck file{'s' if len(files) != 1 else ''}"
        " (the other decks are used):",
        soft_wrap=True,
    )
    for problem in problems:
        console.print(f"  {escape(str(problem))}", soft_wrap=True)
    console.print("[muted]hint:[/] fix them and check with `mlprep deck lint`", soft_wrap=True)
