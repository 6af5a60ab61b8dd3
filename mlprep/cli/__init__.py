"""The `mlprep` command line: Typer adapters over the domain packages.

Each command module parses options, calls one domain function and hands the
result to `mlprep.ui`. Errors are caught once, in `MlprepGroup.invoke`.
"""

from __future__ import annotations

from mlprep.cli import config as config
from mlprep.cli import deck, doctor, exam, export, importing, kata, plan, quiz, stats
from mlprep.cli.app import app

quiz.register(app)
deck.register(app)
stats.register(app)
doctor.register(app)
kata.register(app)
export.register(app)
importing.register(app)
plan.register(app)
exam.register(app)
config.register(app)


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]
