"""Hostile deck input is refused cheaply: non-regular files, oversized files, over-long fields."""

from __future__ import annotations

import builtins
import io
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.markdown import Markdown
from typer.testing import CliRunner

from mlprep.cli import app
from mlprep.decks.model import Text
from mlprep.decks.schema import MAX_FIELD_CHARS
from mlprep.decks.yamltree import MAX_BYTES
from mlprep.ui.cards import markdown

runner = CliRunner()

GOOD = "id: mine\ntitle: Mine\ncards:\n  - id: c1\n    q: What?\n    a: This.\n"


def invoke(*args: str, input: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), input=input)
    assert "Traceback" not in result.output
    return result.exit_code, " ".join(result.output.split())


@pytest.fixture
def fifo(home: Path, tmp_path: Path) -> Iterator[Path]:
    """A FIFO named like a deck in the user's deck folder.

    A writer thread waits to open it, so code that wrongly opens the FIFO for
    reading gets an empty file (and a wrong message) instead of hanging; at the
    end a non-blocking reader releases the writer if nothing opened the FIFO.
    """
    folder = tmp_path / "decks"
    folder.mkdir(exist_ok=True)
    path = folder / "pipe.yaml"
    os.mkfifo(path)

    def write_nothing() -> None:
        os.close(os.open(path, os.O_WRONLY))

    writer = threading.Thread(target=write_nothing, daemon=True)
    writer.start()
    yield path
    release = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    writer.join(timeout=5)
    os.close(release)
    assert not writer.is_alive()


def test_character_device_refused(home: Path) -> None:
    code, output = invoke("deck", "lint", "/dev/zero")
    assert code == 2
    assert "/dev/zero: this is a character device, not a deck file" in output


def test_fifo_refused_by_lint(fifo: Path) -> None:
    code, output = invoke("deck", "lint", str(fifo))
    assert code == 2
    assert f"{fifo}: this is a FIFO (named pipe), not a deck file" in output


def test_fifo_refused_by_quiz_given_its_path(fifo: Path) -> None:
    code, output = invoke("quiz", str(fifo))
    assert code == 2
    assert f"{fifo}: this is a FIFO (named pipe), not a deck file" in output


def test_fifo_in_the_deck_folder_is_reported_not_read(fifo: Path) -> None:
    (fifo.parent / "mine.yaml").write_text(GOOD, encoding="utf-8")
    code, output = invoke("deck", "lint", str(fifo.parent))
    assert code == 2
    assert f"{fifo}: this is a FIFO (named pipe), not a deck file" in output
    assert "1 problem in 1 file" in output
    # loading every deck skips it with a warning, the valid user deck is still there
    code, output = invoke("quiz", "mine", input="3\n")
    assert code == 0, output
    assert f"{fifo}: this is a FIFO (named pipe)" in output
    assert "What?" in output


def _spy(opened: list[str], real: Callable[..., Any]) -> Callable[..., Any]:
    def spy(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, (str, bytes, os.PathLike)):
            opened.append(os.fsdecode(file))
        return real(file, *args, **kwargs)

    return spy


def test_oversized_file_refused_without_being_opened(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.yaml"
    big.touch()
    os.truncate(big, MAX_BYTES + 2**20)  # sparse: 65 MiB on paper, nothing on disk
    opened: list[str] = []
    monkeypatch.setattr(os, "open", _spy(opened, os.open))
    monkeypatch.setattr(io, "open", _spy(opened, io.open))  # Path.open / read_bytes
    monkeypatch.setattr(builtins, "open", _spy(opened, builtins.open))
    code, output = invoke("deck", "lint", str(big))
    monkeypatch.undo()
    assert code == 2
    assert f"{big}: file is 65 MiB; deck files are limited to 64 MiB" in output
    assert str(big) not in opened
    assert opened, "the spies saw no file opened at all: they are not in the read path"


def _deck_with_question(length: int) -> str:
    return f"id: longq\ntitle: T\ncards:\n  - id: c1\n    q: {'x' * length}\n    a: fine\n"


def test_over_long_field_is_a_lint_error_naming_the_limit(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(_deck_with_question(MAX_FIELD_CHARS + 1), encoding="utf-8")
    code, output = invoke("deck", "lint", str(path))
    assert code == 2
    assert (
        f"{path}:5:8: cards[0].q is 65,537 characters long; "
        "a field is limited to 65,536 characters" in output
    )
    code, output = invoke("quiz", str(path))  # the loader refuses it too, not only lint
    assert code == 2
    assert f"{path}:5:8: cards[0].q is 65,537 characters long" in output


def test_field_at_the_limit_is_accepted(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(_deck_with_question(MAX_FIELD_CHARS), encoding="utf-8")
    code, output = invoke("deck", "lint", str(path))
    assert code == 0, output


def test_over_long_text_in_a_language_mapping_is_named(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "zh.yaml"
    long = "长" * (MAX_FIELD_CHARS + 5)
    path.write_text(
        f"id: zh\ntitle: T\ncards:\n  - id: c1\n    q: ok\n    a: {{en: fine, zh: {long}}}\n",
        encoding="utf-8",
    )
    code, output = invoke("deck", "lint", str(path))
    assert code == 2
    assert f"{path}:6:23: cards[0].a.zh is 65,541 characters long" in output


def test_card_text_renders_one_line_per_segment_and_unchanged() -> None:
    """A long paragraph reaches Console.print cut into lines (Rich splits one many-line
    segment with repeated str.partition, quadratic in its length), and looks the same."""
    value = "lorem ipsum **dolor** sit amet " * 500
    shown = markdown(Text(plain=value), "en")
    console = Console(file=io.StringIO(), width=80, force_terminal=True)
    segments = list(console.render(shown, console.options))
    assert len(segments) > 300
    assert all(s.text == "\n" or "\n" not in s.text for s in segments)
    plain = Console(file=io.StringIO(), width=80, force_terminal=True)
    plain.print(Markdown(value, code_theme="monokai"))
    console.print(shown)
    assert console.file.getvalue() == plain.file.getvalue()  # type: ignore[attr-defined]
