"""Consoles for stdout and stderr; tests inject their own `Console(file=...)`."""

from __future__ import annotations

import sys
from functools import cache
from typing import Any, TextIO

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


# What the symbols mlprep prints become on a stream that cannot encode them (LC_ALL=C,
# PYTHONIOENCODING=ascii); anything else that does not fit becomes '?'.
ASCII_FALLBACKS = str.maketrans(
    {
        "✓": "v",
        "✗": "x",
        "·": "-",
        "…": "...",
        "—": "-",
        "–": "-",
        "›": ">",
        "→": "->",
        "←": "<-",
        "∅": "(empty)",
        "⏱": "",
        "≈": "~",
        "×": "x",
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "░": ":",
        "▒": "+",
        "▓": "%",
        "█": "#",
        "▁": "_",
        "▂": "_",
        "▃": "-",
        "▄": "-",
        "▅": "=",
        "▆": "=",
        "▇": "#",
        "▏": "|",
        "▎": "|",
        "▍": "|",
        "▌": "|",
        "▋": "|",
        "▊": "|",
        "▉": "|",
    }
)


def can_encode(stream: Any, sample: str = "✓·中") -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        sample.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


class DegradingStream:
    """A text stream for an encoding that lacks mlprep's symbols: ASCII stand-ins, then '?'."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.encoding = getattr(stream, "encoding", None) or "ascii"

    def degrade(self, text: str) -> str:
        text = text.translate(ASCII_FALLBACKS)
        return text.encode(self.encoding, errors="replace").decode(self.encoding)

    def write(self, text: str) -> int:
        return self.stream.write(self.degrade(text))

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()


def safe_stream(stream: TextIO) -> TextIO:
    """`stream` itself, or a degrading wrapper when it cannot encode mlprep's symbols."""
    return stream if can_encode(stream) else DegradingStream(stream)  # type: ignore[return-value]


def console_for(stream: TextIO, *, stderr: bool = False) -> Console:
    if can_encode(stream):
        return Console(theme=THEME, highlight=False, stderr=stderr)
    return Console(theme=THEME, highlight=False, file=DegradingStream(stream))  # type: ignore[arg-type]


@cache
def stdout_console() -> Console:
    return console_for(sys.stdout)


@cache
def stderr_console() -> Console:
    return console_for(sys.stderr, stderr=True)


def print_json(data: object) -> None:
    """Machine-readable output: plain JSON on stdout, no markup, no wrapping.

    On a stream that cannot encode every character, non-ASCII text is written
    as JSON escapes (still the same JSON).
    """
    import json

    text = json.dumps(data, ensure_ascii=not can_encode(sys.stdout), indent=2, sort_keys=False)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
