"""`mlprep import anki FILE` and `mlprep import csv FILE`."""

from __future__ import annotations

from pathlib import Path

import typer

from mlprep.cli.app import state

import_app = typer.Typer(
    help="Import decks from other study tools into your deck folder.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    app.add_typer(import_app, name="import")


@import_app.command("anki")
def anki(
    ctx: typer.Context,
    package: Path = typer.Argument(
        ..., metavar="FILE.apkg|FILE.colpkg", help="An Anki deck or collection package."
    ),
    with_history: bool = typer.Option(
        False,
        "--with-history",
        help="Also replay Anki's review log into your progress (cards you have not studied in "
        "mlprep yet), so their FSRS schedule continues.",
    ),
) -> None:
    """Anki notes → YAML decks in your deck folder (needs the anki extra)."""
    from mlprep.interop.anki_import import import_anki
    from mlprep.ui.import_view import show_anki_import

    paths = state(ctx).paths
    show_anki_import(import_anki(paths, package, with_history), paths.user_decks)


@import_app.command("csv")
def csv(
    ctx: typer.Context,
    file: Path = typer.Argument(..., metavar="FILE", help="Rows of front,back[,tags]."),
    deck_id: str | None = typer.Option(
        None, "--id", metavar="DECK_ID", help="Deck id (default: from the file name)."
    ),
) -> None:
    """A question list (front,back[,tags]) → a basic deck in your deck folder."""
    from mlprep.interop.csv_import import import_csv
    from mlprep.ui.import_view import show_csv_import

    paths = state(ctx).paths
    show_csv_import(import_csv(paths, file, deck_id), paths.user_decks)
