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


# Click's names for value types, which `--help` shows as metavars (`--seed INTEGER`).
CLICK_TYPE_NAMES = {"int": "INTEGER", "float": "FLOAT", "str": "TEXT", "bool": "BOOLEAN"}


def _click_name(typer_label: str) -> str:
    """`<int>` -> `INTEGER`, `<list[Path]>` -> `PATH`, `<int range>` -> `INTEGER RANGE`."""
    label = typer_label.strip("<>")
    if label.startswith("list[") and label.endswith("]"):
        label = label[5:-1]
    words = label.split()
    words[0] = CLICK_TYPE_NAMES.get(words[0].lower(), words[0])
    return " ".join(words).upper()


def _classic_help() -> None:
    """`--help` as well-known Click tools write it (recent Typer writes `--debug <bool>`,
    `<int>` and a required argument as `{OUT.apkg}`): a flag shows no type, a value option
    its metavar or Click's type name (`INTEGER`, `PATH`), an argument its metavar with
    `[NAME]` for optional and `NAME...` for several (never `{NAME}` nor `[[NAME]...]...`).
    Older Typer already writes help this way and lacks these hooks."""
    from typer.core import TyperArgument, TyperOption

    option_type = getattr(TyperOption, "display_type_rich", None)
    if option_type is not None:

        def option_metavar(self: TyperOption, ctx: Any) -> str | None:
            if self.is_flag or self.count:
                return None
            shown = option_type(self, ctx)
            if self.metavar is not None or shown is None:
                return shown  # type: ignore[no-any-return]
            return _click_name(str(shown))

        TyperOption.display_type_rich = option_metavar  # type: ignore[method-assign]
    if hasattr(TyperArgument, "_usage_display_name"):

        def argument_usage(self: TyperArgument) -> str:
            name = str(self.display_name_raw)
            if not self.required:
                name = f"[{name}]"
            return f"{name}..." if self.nargs != 1 else name

        def argument_type(self: TyperArgument, ctx: Any) -> str | None:
            return None  # the argument's name (its metavar) says what it is

        TyperArgument._usage_display_name = argument_usage  # type: ignore[method-assign]
        TyperArgument.display_type_rich = argument_type  # type: ignore[method-assign,assignment]


_classic_help()

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
