"""A parse cache for decks: the checked deck as an index plus each card's content on disk.

A 10,000-card deck takes about a second to parse and check. An entry holds
the deck's index (ids, types, tags: what choosing and counting cards needs)
and, after it, each card's content as its own `marshal` record (no pickle:
nothing in the cache can run code). Loading a deck reads only the index; a
card is read when it is shown (`CardList`), so a command over 100,000 cards
does not build 100,000 cards.

Entries are keyed on the file's content (and path and mlprep version). So
that a warm start does not read and hash every deck file, a second, small
entry maps the file's `stat` fingerprint (inode, size, mtime, ctime) to that
key; it is only written for a file unchanged for `SETTLED_NS`, so a later
change always changes the fingerprint (a rewrite sets a new ctime, which
nothing but the clock can set).

The cache is only ever a shortcut: a missing, corrupt, foreign or racing
entry falls back to parsing, entries are written atomically (temp file +
rename) so two processes never see half a file, and a card whose record
cannot be read is taken from a fresh parse of the deck file.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import struct
import time
import weakref
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from mlprep import __version__
from mlprep.cachefiles import store_entry
from mlprep.decks.model import Card, CardList, Deck, KeyPoint, Text
from mlprep.errors import DeckError, Location, Problem

_MAGIC = b"mlprep-deck-cache\n"
_FORMAT = f"{__version__}/3".encode()
_HEADER = _MAGIC + _FORMAT + b"\n"
_LENGTH = struct.Struct("<Q")
MAX_ENTRIES = 256
SETTLED_NS = 2_000_000_000  # a file's stat fingerprint is trusted once it is this old

TextRow = tuple[str | None, str | None, str | None] | None
Reparse = Callable[[], Deck | None]


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


def encode_deck(deck: Deck) -> bytes:
    """The entry's body: index length, index, then one record per card."""
    records = [marshal.dumps(_card_row(card)) for card in deck.cards]
    ends: list[int] = []
    total = 0
    for record in records:
        total += len(record)
        ends.append(total)
    cards = deck.cards
    meta = (deck.id, _text_row(deck.title), str(deck.path), deck.topic, _text_row(deck.description))
    index = marshal.dumps((*meta, cards.ids, cards.types, cards.tags, cards.gradable, tuple(ends)))
    return _LENGTH.pack(len(index)) + index + b"".join(records)


class _Records:
    """Reads card records from an open entry (the descriptor keeps a replaced entry readable)."""

    def __init__(
        self, fd: int, base: int, ends: tuple[int, ...], deck: Path, reparse: Reparse | None
    ) -> None:
        self.fd = fd
        self.base = base
        self.ends = ends
        self.deck = deck
        self.reparse = reparse

    def fetch(self, indices: Sequence[int], ids: tuple[str, ...]) -> list[Card]:
        try:
            return [self._read(i) for i in indices]
        except Exception as error:  # a damaged record: the deck file itself is the truth
            fresh = self.reparse() if self.reparse else None
            if fresh is not None and fresh.cards.ids == ids:
                return [fresh.cards[i] for i in indices]
            raise DeckError(
                [
                    Problem(
                        Location(self.deck),
                        "its cached copy is damaged and the file changed since it was read: "
                        "run the command again",
                    )
                ]
            ) from error

    def _read(self, i: int) -> Card:
        start = self.ends[i - 1] if i else 0
        size = self.ends[i] - start
        data = os.pread(self.fd, size, self.base + start)
        if len(data) != size:
            raise ValueError("short read")
        return _card(marshal.loads(data))


def _open_entry(entry: Path, reparse: Reparse | None) -> Deck | None:
    fd = os.open(entry, os.O_RDONLY | os.O_CLOEXEC)
    try:
        size = os.fstat(fd).st_size
        head = os.pread(fd, len(_HEADER) + _LENGTH.size, 0)
        if not head.startswith(_HEADER) or len(head) != len(_HEADER) + _LENGTH.size:
            raise ValueError("not an entry of this version")
        (index_size,) = _LENGTH.unpack(head[len(_HEADER) :])
        index_at = len(head)
        index = marshal.loads(os.pread(fd, index_size, index_at))
        deck_id, title, path, topic, description, ids, types, tags, gradable, ends = index
        count = len(ids)
        if not (len(types) == len(tags) == len(gradable) == len(ends) == count):
            raise ValueError("inconsistent index")
        base = index_at + index_size
        if base + (ends[-1] if ends else 0) != size:
            raise ValueError("truncated entry")
        records = _Records(fd, base, ends, Path(path), reparse)
        cards = CardList(ids, types, tags, gradable, partial(records.fetch, ids=ids))
        weakref.finalize(cards, os.close, fd)
        built_title = _text(title)
        assert built_title is not None
        return Deck(
            deck_id, built_title, Path(path), cards, topic=topic, description=_text(description)
        )
    except BaseException:
        os.close(fd)
        raise


def fingerprint(path: Path, info: os.stat_result) -> str:
    """What identifies one version of a file without reading it."""
    return (
        f"{path.resolve()}\0{info.st_dev}:{info.st_ino}:{info.st_size}:"
        f"{info.st_mtime_ns}:{info.st_ctime_ns}"
    )


class DeckCache:
    def __init__(self, folder: Path, clock_ns: Callable[[], int] = time.time_ns) -> None:
        self.folder = folder
        self.clock_ns = clock_ns

    def key(self, path: Path, data: bytes) -> str:
        digest = hashlib.blake2b(data, digest_size=20)
        digest.update(b"\0" + str(path.resolve()).encode() + b"\0" + _FORMAT)
        return digest.hexdigest()

    def get(self, key: str, reparse: Reparse | None = None) -> Deck | None:
        """The cached deck, or None; `reparse` supplies cards whose records turn out damaged."""
        try:
            return _open_entry(self.folder / f"{key}.cache", reparse)
        except Exception:  # a missing, corrupt, truncated or foreign entry is just a miss
            return None

    def put(self, key: str, deck: Deck) -> None:
        store_entry(self.folder, f"{key}.cache", _HEADER + encode_deck(deck), MAX_ENTRIES)

    # -- the stat shortcut ------------------------------------------------------------
    def _stat_entry(self, path: Path, info: os.stat_result) -> Path:
        name = hashlib.blake2b(
            fingerprint(path, info).encode() + b"\0" + _FORMAT, digest_size=20
        ).hexdigest()
        return self.folder / f"{name}.stat"

    def key_by_stat(self, path: Path, info: os.stat_result) -> str | None:
        """The content key recorded for exactly this version of the file, if any."""
        try:
            key = self._stat_entry(path, info).read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError):
            return None
        return key if len(key) == 40 and key.isalnum() else None

    def remember_stat(self, path: Path, info: os.stat_result, key: str) -> None:
        """Record the file's fingerprint, once the file has settled (see the module's note)."""
        newest = max(info.st_mtime_ns, info.st_ctime_ns)
        if self.clock_ns() - newest < SETTLED_NS:
            return
        store_entry(self.folder, self._stat_entry(path, info).name, key.encode(), MAX_ENTRIES)
