"""Consoles for stdout and stderr; tests inject their own `Console(file=...)`."""

from __future__ import annotations

from functools import cache

from rich.console import Console
from rich.theme import Theme

THEME = Theme(
    {
        "error": "bold red",
        "warn": "yellow",
        "ok": "bold green",
        "bad": "bold red",
        "muted": "dim",
        "key": "bold cyan",
        "path": "underline",
    }
)


@cache
def stdout_console() -> Console:
    return Console(theme=THEME, highlight=False)


@cache
def stderr_console() -> Console:
    return Console(theme=THEME, highlight=False, stderr=True)


def print_json(data: object) -> None:
    """Machine-readable output: plain JSON on stdout, no markup, no wrapping."""
    import json
    import sys

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n")
    sys.stdout.flush()


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
