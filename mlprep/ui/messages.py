"""Errors and short notices, always on stderr so JSON on stdout stays clean."""

from __future__ import annotations

from rich.markup import escape

from mlprep.errors import DeckError, MlprepError
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
