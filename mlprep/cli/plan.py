"""`mlprep plan`: set the interview date and see the projected recall for that day."""

from __future__ import annotations

import typer

from mlprep.cli.app import state


def register(app: typer.Typer) -> None:
    app.command(
        "plan",
        epilog="Examples:  mlprep plan --date 2027-01-15  ·  mlprep plan  ·  mlprep plan --clear",
    )(plan)


def plan(
    ctx: typer.Context,
    date: str | None = typer.Option(
        None, "--date", metavar="YYYY-MM-DD", help="Set the interview date."
    ),
    clear: bool = typer.Option(False, "--clear", help="Forget the interview date."),
    new_per_day: int | None = typer.Option(
        None,
        "--new-per-day",
        min=0,
        max=9999,
        help="Set your daily new-card limit (the one `mlprep quiz` uses; same as "
        "`mlprep config new-per-day N`).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """Study toward an interview: every card comes back before the date, load spread evenly."""
    from mlprep.decks.catalog import load_catalog
    from mlprep.quiz.days import NEW_PER_DAY_KEY, daily_limits
    from mlprep.quiz.plan import build_plan, interview_date, parse_date, set_interview
    from mlprep.store import open_store
    from mlprep.ui.plan_view import show_cleared, show_plan

    app_state = state(ctx)
    paths = app_state.paths
    decks = load_catalog(paths)
    now = app_state.clock()
    with open_store(paths.store) as store:
        today = daily_limits(store).days().day_of(now)
        if clear:
            cleared = interview_date(store)
            set_interview(store, None, today)
            if not as_json:  # what was asked for, and nothing else
                show_cleared(cleared)
                return
        elif date is not None:
            set_interview(store, parse_date(date), today)
        if new_per_day is not None:
            store.set_setting(NEW_PER_DAY_KEY, str(new_per_day))
        result = build_plan(store, decks, now)
    show_plan(result, as_json=as_json)
