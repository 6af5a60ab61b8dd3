"""Import results: the deck files written, and what was left out."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.markup import escape

from mlprep.interop.anki_import import ImportResult
from mlprep.interop.csv_import import CsvImportResult
from mlprep.interop.deckfile import Skipped, WrittenDeck
from mlprep.ui.console import plural, stderr_console, stdout_console

SHOWN_SKIPS = 10


def _decks(decks: Sequence[WrittenDeck], folder: Path) -> None:
    out = stdout_console()
    cards = sum(d.cards for d in decks)
    out.print(
        f"[ok]imported[/] {plural(cards, 'card')} into {plural(len(decks), 'deck')} "
        f"in {escape(str(folder))}",
        soft_wrap=True,
    )
    for deck in decks:
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(deck.by_type.items()))
        note = " (replaced)" if deck.replaced else ""
        if deck.renamed_from:
            note += f" (id '{escape(deck.renamed_from)}' is taken)"
        out.print(
            f"  {escape(deck.deck_id)}: {plural(deck.cards, 'card')} ({kinds}) ← "
            f"{escape(deck.source_name)} · {escape(deck.path.name)}{note}",
            soft_wrap=True,
        )
    if decks:
        out.print("[muted]next: mlprep deck lint, then mlprep quiz DECK_ID[/]", soft_wrap=True)


def _warnings(skipped: Sequence[Skipped], media: int) -> None:
    err = stderr_console()
    if media:
        err.print(
            f"[warn]warning:[/] {plural(media, 'media file')} not imported "
            "(images and sounds; mlprep decks are text only)",
            soft_wrap=True,
        )
    if skipped:
        err.print(f"[warn]warning:[/] {plural(len(skipped), 'card')} left out:", soft_wrap=True)
        for item in skipped[:SHOWN_SKIPS]:
            err.print(f"  {escape(item.where)}: {escape(item.reason)}", soft_wrap=True)
        if len(skipped) > SHOWN_SKIPS:
            err.print(f"  … and {len(skipped) - SHOWN_SKIPS} more", soft_wrap=True)


def show_anki_import(result: ImportResult, folder: Path) -> None:
    _decks(result.decks, folder)
    if result.history is not None:
        history = result.history
        line = (
            f"review history: {plural(history.reviews, 'review')} of "
            f"{plural(history.cards, 'card')} replayed into your progress"
        )
        if history.kept:
            line += f"; {plural(history.kept, 'card')} already studied in mlprep kept as they are"
        stdout_console().print(line, soft_wrap=True)
    _warnings(result.skipped, result.media)
    if result.edited_blocks:
        stderr_console().print(
            f"[muted]{plural(result.edited_blocks, 'text')} edited in Anki converted from HTML[/]",
            soft_wrap=True,
        )


def show_csv_import(result: CsvImportResult, folder: Path) -> None:
    _decks(result.decks, folder)
    _warnings(result.skipped, result.media)
