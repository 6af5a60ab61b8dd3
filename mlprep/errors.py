"""The one exception root: every error a user can cause is an `MlprepError`.

The CLI catches `MlprepError` once, prints its message (what went wrong,
where, how to fix it) and exits with its `exit_code`; nothing else reaches
the user as a traceback unless `--debug` is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2


class MlprepError(Exception):
    """Base class of every user-facing error."""

    exit_code: int = EXIT_BAD_INPUT

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n{self.hint}"


class UsageError(MlprepError):
    """A name, option or argument that does not make sense (unknown deck, bad flag value)."""


@dataclass(frozen=True)
class Location:
    """A place in a file, 1-based, the way editors count."""

    path: Path
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        text = str(self.path)
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        return text


@dataclass(frozen=True)
class Problem:
    """One located problem in an input file."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class DeckError(MlprepError):
    """A deck file breaks the deck format; carries every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("DeckError needs at least one problem")
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class StoreError(MlprepError):
    """The progress store cannot be used safely (corrupt, newer version, unwritable)."""


class KataError(MlprepError):
    """A kata cannot be found or loaded (unknown name, broken kata folder, missing file)."""
