"""`mlprep stats`."""

from __future__ import annotations

import typer

from mlprep.cli.app import state


def register(app: typer.Typer) -> None:
    app.command("stats", epilog="Examples:  mlprep stats  ·  mlprep stats --json")(stats)


def stats(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of tables."),
) -> None:
    """Reviews today and in total, due cards, retention, streak and per-topic progress."""
    from mlprep.decks.catalog import load_catalog
    from mlprep.stats import compute_stats
    from mlprep.store import open_store
    from mlprep.ui.stats_view import show_stats

    app_state = state(ctx)
    paths = app_state.paths
    decks = load_catalog(paths)
    with open_store(paths.store) as store:
        result = compute_stats(store, decks, app_state.clock())
    show_stats(result, as_json=as_json)
