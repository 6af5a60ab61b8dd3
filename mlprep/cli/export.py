"""`mlprep export anki OUT.apkg`."""

from __future__ import annotations

from pathlib import Path

import typer

from mlprep.cli.app import state

export_app = typer.Typer(help="Export decks to other study tools.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(export_app, name="export")


@export_app.command("anki")
def anki(
    ctx: typer.Context,
    out: Path = typer.Argument(..., metavar="OUT.apkg", help="The Anki package to write."),
    deck: list[str] | None = typer.Option(
        None, "--deck", help="Only this deck id or path (repeatable)."
    ),
) -> None:
    """Write an Anki package; re-exporting updates the same notes instead of duplicating them."""
    from mlprep.decks.catalog import load_catalog
    from mlprep.export.anki import export_anki
    from mlprep.ui.export_view import show_export

    decks = load_catalog(state(ctx).paths, deck or [])
    show_export(export_anki(decks, out))
