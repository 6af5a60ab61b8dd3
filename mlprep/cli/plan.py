"""`mlprep plan`: set the interview date and see the projected recall for that day."""

from __future__ import annotations

import typer

from mlprep.cli.app import state


def register(app: typer.Typer) -> None:
    app.command("plan")(plan)


def plan(
    ctx: typer.Context,
    date: str | None = typer.Option(
        None, "--date", metavar="YYYY-MM-DD", help="Set the interview date."
    ),
    clear: bool = typer.Option(False, "--clear", help="Forget the interview date."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """Study toward an interview: every card comes back before the date, load spread evenly."""
    from mlprep.decks.catalog import load_catalog
    from mlprep.quiz.plan import build_plan, parse_date, set_interview
    from mlprep.quiz.session import utc_now
    from mlprep.store import open_store
    from mlprep.ui.plan_view import show_plan

    paths = state(ctx).paths
    decks = load_catalog(paths)
    now = utc_now()
    with open_store(paths.store) as store:
        if clear:
            set_interview(store, None, now.astimezone().date())
        elif date is not None:
            set_interview(store, parse_date(date), now.astimezone().date())
        result = build_plan(store, decks, now)
    show_plan(result, as_json=as_json)
