"""`mlprep deck lint` and `mlprep deck list`."""

from __future__ import annotations

from pathlib import Path

import typer

from mlprep.cli.app import state
from mlprep.errors import EXIT_BAD_INPUT, DeckError

deck_app = typer.Typer(help="Check and list question decks.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(deck_app, name="deck")


@deck_app.command("lint")
def lint(
    ctx: typer.Context,
    targets: list[Path] | None = typer.Argument(
        None, metavar="PATH", help="Deck files or folders (default: shipped + your decks)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
) -> None:
    """Check decks against the deck format; exit 2 with located messages if any is broken."""
    from mlprep.decks.catalog import lint as lint_decks
    from mlprep.ui.deck_view import show_lint

    result = lint_decks(state(ctx).paths, targets or [])
    show_lint(result, as_json=as_json)
    if not result.ok:
        if as_json:
            raise typer.Exit(EXIT_BAD_INPUT)
        raise DeckError(result.problems) from None


@deck_app.command("list")
def list_decks(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    lang: str | None = typer.Option(None, "--lang", metavar="en|zh|both", help="en, zh or both."),
) -> None:
    """Every deck: id, title, topic, card count and how many are due."""
    from mlprep.decks.catalog import load_catalog
    from mlprep.i18n import resolve_lang
    from mlprep.stats import deck_rows
    from mlprep.store import open_store
    from mlprep.ui.deck_view import show_deck_list

    paths = state(ctx).paths
    decks = load_catalog(paths)
    display = resolve_lang(lang)
    now = state(ctx).clock()
    if paths.store.exists():
        with open_store(paths.store) as store:
            rows = deck_rows(store, decks, now, display)
    else:
        rows = deck_rows(None, decks, now, display)
    show_deck_list(rows, as_json=as_json)
