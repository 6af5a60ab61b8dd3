"""The root Typer app, its global options, and the one place errors are caught."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import typer
from typer.core import TyperGroup

from mlprep import __version__
from mlprep.errors import MlprepError
from mlprep.paths import Paths, resolve_paths


@dataclass
class AppState:
    """What every command needs from the outside world, decided once per run."""

    debug: bool = False
    _paths: Paths | None = None

    @property
    def paths(self) -> Paths:
        if self._paths is None:
            self._paths = resolve_paths()
        return self._paths

    @property
    def clock(self) -> Callable[[], datetime]:
        """The time source: the real clock, or MLPREP_NOW (reproducible runs and tests)."""
        from mlprep.quiz.days import clock_from_env

        return clock_from_env()


class MlprepGroup(TyperGroup):
    """Turns every `MlprepError` into a clear message and its exit code (traceback only with --debug)."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except MlprepError as error:
            state = ctx.obj if isinstance(ctx.obj, AppState) else AppState()
            from mlprep.ui.messages import print_error, print_traceback

            if state.debug:
                print_traceback()

            print_error(error)
            sys.exit(error.exit_code)


app = typer.Typer(
    cls=MlprepGroup,
    name="mlprep",
    help="Study and self-test for machine-learning engineer interviews: quiz decks and coding katas.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mlprep {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    debug: bool = typer.Option(False, "--debug", help="Show the full traceback of errors."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Study and self-test for machine-learning engineer interviews."""
    ctx.obj = AppState(debug=debug)


def state(ctx: typer.Context) -> AppState:
    """The run's `AppState`, whichever command asks."""
    root_ctx = ctx.find_root()
    if not isinstance(root_ctx.obj, AppState):
        root_ctx.obj = AppState()
    return root_ctx.obj
