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


def _usage(command: tuple[str, ...]) -> str:
    return next(line for line in _help(command).splitlines() if "Usage:" in line).strip()


def test_metavars_say_what_to_type() -> None:
    # the exact usage line is Typer's (it changes between the versions pyproject allows):
    # what must hold is the name of what to type, and none of the odd brackets
    for command, name in [
        (("quiz",), "DECK_ID|PATH"),
        (("export", "anki"), "OUT.apkg"),
        (("deck", "lint"), "PATH"),
        (("kata",), "NAME"),
    ]:
        usage = _usage(command)
        assert usage.startswith(f"Usage: mlprep {' '.join(command)} [OPTIONS]"), usage
        assert name in usage and not any(odd in usage for odd in ("[[", "]...]", "{")), usage
    kata = _help(("kata",))
    flat = " ".join(kata.split())
    for shown in ("--file PATH", "--seed INTEGER", "--lang en|zh|both", "--device cpu|cuda"):
        assert shown in flat, shown
    assert re.search(r"--watch +Re-check", flat)


@pytest.mark.parametrize("command", ["quiz", "kata", "check", "verify", "stats", "plan", "exam"])
def test_main_commands_show_examples(command: str) -> None:
    out = " ".join(_help((command,)).split())
    assert f"Examples: mlprep {command}" in out
