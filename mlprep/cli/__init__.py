"""The `mlprep` command line: Typer adapters over the domain packages.

Each command module parses options, calls one domain function and hands the
result to `mlprep.ui`. Errors are caught once, in `MlprepGroup.invoke`.
"""

from __future__ import annotations

import typer

from mlprep.cli import deck, quiz, stats
from mlprep.cli.app import app

deck.register(app)
quiz.register(app)
stats.register(app)


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]
_ = typer
