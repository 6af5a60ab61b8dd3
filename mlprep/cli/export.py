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
        None, "--deck", metavar="DECK_ID|PATH", help="Only this deck id or path (repeatable)."
    ),
    type_changed: str = typer.Option(
        "keep",
        "--type-changed",
        metavar="keep|new-guid",
        help="A card whose type changed since the last export: keep its note id (Anki then "
        "keeps the old note and reports a conflict) or give it a new one (a new note; "
        "delete the old one in Anki).",
    ),
) -> None:
    """Write an Anki package; re-exporting updates the same notes instead of duplicating them."""
    from mlprep.decks.catalog import load_catalog
    from mlprep.errors import UsageError
    from mlprep.export.anki import TypeChangeAction, export_anki
    from mlprep.ui.export_view import show_export

    if type_changed not in ("keep", "new-guid"):
        raise UsageError(f"--type-changed must be keep or new-guid, not '{type_changed}'")
    paths = state(ctx).paths
    decks = load_catalog(paths, deck or [])
    manifest = paths.home / "anki-export.json"
    on_change: TypeChangeAction = "new-guid" if type_changed == "new-guid" else "keep"
    show_export(export_anki(decks, out, manifest_path=manifest, on_type_change=on_change))
