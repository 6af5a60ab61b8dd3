"""A parse cache for decks, keyed on the file's content (and path and mlprep version).

A 10,000-card deck takes about a second to parse and check; loading the
checked deck back from the cache takes about a tenth of that. Entries are
`marshal` data of plain tuples (no pickle: nothing in the cache can run code),
rebuilt into the frozen dataclasses without their per-field `__setattr__`.
The cache is only ever a shortcut: a missing, corrupt, foreign or racing
entry falls back to parsing, and entries are written atomically (temp file +
rename) so two processes never see half a file.
"""

from __future__ import annotations

import hashlib
import marshal
from pathlib import Path
from typing import Any

from mlprep import __version__
from mlprep.cachefiles import store_entry
from mlprep.decks.model import Card, Deck, KeyPoint, Text

_MAGIC = b"mlprep-deck-cache\n"
_FORMAT = f"{__version__}/2".encode()
MAX_ENTRIES = 256

TextRow = tuple[str | None, str | None, str | None] | None


def _text_row(text: Text | None) -> TextRow:
    return None if text is None else (text.en, text.zh, text.plain)


def _text(row: TextRow, _new: Any = object.__new__) -> Text | None:
    if row is None:
        return None
    text: Text = _new(Text)
    text.__dict__.update(en=row[0], zh=row[1], plain=row[2])  # frozen: fill the dict directly
    return text


def _card_row(card: Card) -> tuple[Any, ...]:
    return (
        card.deck_id, card.id, card.type, card.line,
        _text_row(card.q), _text_row(card.a), _text_row(card.text),
        tuple(_text_row(c) for c in card.choices), card.correct_choices, card.accepted,
        _text_row(card.explain), tuple((k.en, k.zh) for k in card.key_points),
        card.tags, card.source, card.kata, card.difficulty,
    )  # fmt: skip


def _card(row: tuple[Any, ...], _new: Any = object.__new__) -> Card:
    card: Card = _new(Card)
    card.__dict__.update(
        deck_id=row[0], id=row[1], type=row[2], line=row[3],
        q=_text(row[4]), a=_text(row[5]), text=_text(row[6]),
        choices=tuple(map(_text, row[7])), correct_choices=row[8], accepted=row[9],
        explain=_text(row[10]), key_points=tuple(KeyPoint(en, zh) for en, zh in row[11]),
        tags=row[12], source=row[13], kata=row[14], difficulty=row[15],
    )  # fmt: skip
    return card


def deck_to_rows(deck: Deck) -> tuple[Any, ...]:
    return (
        deck.id, _text_row(deck.title), str(deck.path), deck.topic, _text_row(deck.description),
        tuple(_card_row(c) for c in deck.cards),
    )  # fmt: skip


def deck_from_rows(rows: tuple[Any, ...]) -> Deck:
    deck_id, title, path, topic, description, cards = rows
    built_title = _text(title)
    assert built_title is not None
    return Deck(
        deck_id,
        built_title,
        Path(path),
        tuple(map(_card, cards)),
        topic=topic,
        description=_text(description),
    )


class DeckCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def key(self, path: Path, data: bytes) -> str:
        digest = hashlib.blake2b(data, digest_size=20)
        digest.update(b"\0" + str(path.resolve()).encode() + b"\0" + _FORMAT)
        return digest.hexdigest()

    def get(self, key: str) -> Deck | None:
        entry = self.folder / f"{key}.cache"
        try:
            blob = entry.read_bytes()
        except OSError:
            return None
        header = _MAGIC + _FORMAT + b"\n"
        if not blob.startswith(header):
            return None
        try:
            return deck_from_rows(marshal.loads(blob[len(header) :]))
        except Exception:  # a corrupt, truncated or foreign entry is just a miss
            return None

    def put(self, key: str, deck: Deck) -> None:
        data = _MAGIC + _FORMAT + b"\n" + marshal.dumps(deck_to_rows(deck))
        store_entry(self.folder, f"{key}.cache", data, MAX_ENTRIES)
