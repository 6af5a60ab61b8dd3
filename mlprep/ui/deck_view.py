"""Deck lint results and the deck table."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict

from rich.markup import escape

from mlprep.decks.loader import DeckSet
from mlprep.stats import DeckRow
from mlprep.ui.console import plural, print_json, stdout_console
from mlprep.ui.layout import Column, print_table


def show_lint(result: DeckSet, *, as_json: bool = False) -> None:
    """One line per valid deck and a closing summary; problems are printed by the error handler.

    As JSON: `ok`, the valid decks and every problem with its file, line and column.
    """
    if as_json:
        print_json(
            {
                "ok": result.ok,
                "decks": [
                    {"id": d.id, "path": str(d.path), "cards": len(d.cards)} for d in result.decks
                ],
                "problems": [
                    {
                        "path": str(p.location.path),
                        "line": p.location.line,
                        "column": p.location.column,
                        "message": p.message,
                    }
                    for p in result.problems
                ],
            }
        )
        return
    console = stdout_console()
    for deck in result.decks:
        kinds = Counter(deck.cards.types)
        detail = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
        console.print(
            f"[ok]ok[/] {escape(str(deck.path))}: deck '{escape(deck.id)}', {plural(len(deck.cards), 'card')} ({detail})",
            soft_wrap=True,
        )
    broken = len({p.location.path for p in result.problems})
    cards = sum(len(d.cards) for d in result.decks)
    if result.ok:
        console.print(f"{plural(len(result.decks), 'deck')}, {plural(cards, 'card')}: all valid")
    else:
        console.print(
            f"[bad]{plural(len(result.problems), 'problem')} in {plural(broken, 'file')}[/];"
            f" {plural(len(result.decks), 'valid deck')}"
        )


def show_deck_list(rows: list[DeckRow], *, as_json: bool) -> None:
    if as_json:
        print_json([asdict(row) for row in rows])
        return
    columns = [Column("id", key=True), Column("title", prose=True), Column("topic", key=True),
               Column("cards", "right"), Column("due", "right"), Column("new", "right")]  # fmt: skip
    table = [
        [escape(r.id), escape(r.title), escape(r.topic or ""), str(r.cards), str(r.due), str(r.new)]
        for r in rows
    ]
    print_table(stdout_console(), "decks", columns, table)
