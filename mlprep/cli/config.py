"""`mlprep config`: the daily study settings (new cards a day, review cap, rollover hour)."""

from __future__ import annotations

import typer

from mlprep.cli.app import state
from mlprep.errors import UsageError


def register(app: typer.Typer) -> None:
    app.command("config")(config)


def config(
    ctx: typer.Context,
    key: str | None = typer.Argument(
        None,
        metavar="KEY",
        help="new-per-day, review-cap or rollover-hour (default: list them all).",
    ),
    value: str | None = typer.Argument(
        None, metavar="VALUE", help="The new value (default: show the current)."
    ),
    reset: bool = typer.Option(False, "--reset", help="Go back to the default value."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
) -> None:
    """Show or change the daily study settings that `quiz`, `stats` and `plan` share.

    new-per-day (default 20): new cards a day; `mlprep quiz --new N` studies N more in one
    session. review-cap (default 200): reviews a day at most, the most overdue first.
    rollover-hour (default 4): the hour a study day starts; MLPREP_ROLLOVER_HOUR wins over it.
    """
    import difflib

    from mlprep.quiz.days import ROLLOVER_ENV, ROLLOVER_KEY, SETTINGS, daily_limits, parse_setting
    from mlprep.store import open_store
    from mlprep.ui.plan_view import show_settings

    if key is not None and key not in SETTINGS:
        close = difflib.get_close_matches(key, list(SETTINGS), n=1)
        raise UsageError(
            f"unknown setting '{key}'" + (f" (did you mean '{close[0]}'?)" if close else ""),
            hint=f"settings: {', '.join(SETTINGS)}",
        )
    if reset and (key is None or value is not None):
        raise UsageError(
            "--reset takes a setting name and no value, e.g. mlprep config new-per-day --reset"
        )
    paths = state(ctx).paths
    with open_store(paths.store) as store:
        if key is not None and value is not None:
            store.set_setting(key, str(parse_setting(key, value, key)))
        elif reset:
            assert key is not None
            store.set_setting(key, None)
        limits = daily_limits(store)
        stored = {name: store.setting(name) for name in SETTINGS}
    current = {
        "new-per-day": limits.new_per_day,
        "review-cap": limits.review_cap,
        ROLLOVER_KEY: limits.rollover_hour,
    }
    import os

    notes = {name: ("default" if stored[name] is None else "set") for name in SETTINGS}
    if os.environ.get(ROLLOVER_ENV, "").strip():
        notes[ROLLOVER_KEY] = f"from {ROLLOVER_ENV}"
    shown = [key] if key is not None else list(SETTINGS)
    show_settings(
        [(name, current[name], notes[name], SETTINGS[name].help) for name in shown],
        as_json=as_json,
    )
