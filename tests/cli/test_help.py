"""`--help` of every command reads like a well-known Click tool's: no `<bool>`, clear metavars."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from mlprep.cli import app

runner = CliRunner()


def _commands(command: object, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        found += _commands(sub, (*path, name))
    return found


COMMANDS = _commands(typer.main.get_command(app))
# an argument in a usage line: NAME, [NAME], NAME... or [NAME]... (never {NAME} or [[NAME]...]...)
ARGUMENT = r"(\[[A-Z][\w.|]*\]|[A-Z][\w.|]*)(\.\.\.)?"
USAGE = re.compile(rf"Usage: mlprep( [a-z]+)* \[OPTIONS\]( COMMAND \[ARGS\]\.\.\.| {ARGUMENT})*")


def _help(path: tuple[str, ...]) -> str:
    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    return result.output


def test_every_command_is_covered() -> None:
    assert len(COMMANDS) >= 18
    assert {("kata",), ("quiz",), ("export", "anki"), ("deck", "lint")} <= set(COMMANDS)


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "mlprep")
def test_help_has_no_type_placeholders_and_a_clean_usage(path: tuple[str, ...]) -> None:
    out = _help(path)
    assert "<bool>" not in out and "BOOLEAN" not in out
    assert re.search(r"<[\w\[\]]+( range)?>", out) is None, out  # Typer's `<int>`, `<list[str]>`
    usage = next(line.strip() for line in out.splitlines() if "Usage:" in line)
    assert USAGE.fullmatch(usage), usage


def test_metavars_say_what_to_type() -> None:
    assert "Usage: mlprep quiz [OPTIONS] [DECK_ID|PATH]..." in _help(("quiz",))
    assert "Usage: mlprep export anki [OPTIONS] OUT.apkg" in _help(("export", "anki"))
    assert "Usage: mlprep deck lint [OPTIONS] [PATH]..." in _help(("deck", "lint"))
    kata = _help(("kata",))
    assert "Usage: mlprep kata [OPTIONS] [NAME]" in kata
    flat = " ".join(kata.split())
    for shown in ("--file PATH", "--seed INTEGER", "--lang en|zh|both", "--device cpu|cuda"):
        assert shown in flat, shown
    assert re.search(r"--watch +Re-check", flat)
