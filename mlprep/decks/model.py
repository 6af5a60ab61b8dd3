"""Decks and cards as plain, immutable data (what the loader returns and the quiz consumes)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import repeat
from pathlib import Path
from typing import Literal, NamedTuple, Protocol, overload

Lang = Literal["en", "zh"]
CARD_TYPES = ("basic", "mcq", "typed", "cloze")


@dataclass(frozen=True)
class Text:
    """Card text in one or both languages; a plain string in the file fills `plain`."""

    en: str | None = None
    zh: str | None = None
    plain: str | None = None

    def get(self, lang: Lang) -> str:
        """The text in `lang`, falling back to whatever the author wrote."""
        preferred = self.en if lang == "en" else self.zh
        other = self.zh if lang == "en" else self.en
        for value in (preferred, self.plain, other):
            if value is not None:
                return value
        return ""

    def has(self, lang: Lang) -> bool:
        return (self.en if lang == "en" else self.zh) is not None

    @property
    def variants(self) -> list[str]:
        return [v for v in (self.plain, self.en, self.zh) if v is not None]


@dataclass(frozen=True)
class KeyPoint:
    """One point an interviewer listens for, with the phrasings that count (per language)."""

    en: tuple[str, ...] = ()
    zh: tuple[str, ...] = ()

    @property
    def aliases(self) -> tuple[str, ...]:
        return self.en + self.zh

    def label(self, lang: Lang) -> str:
        preferred = self.en if lang == "en" else self.zh
        return (preferred or self.en or self.zh or ("",))[0]


@dataclass(frozen=True)
class Card:
    """One card; fields a type does not use stay empty."""

    deck_id: str
    id: str
    type: str
    line: int
    q: Text = field(default_factory=Text)
    a: Text = field(default_factory=Text)
    text: Text = field(default_factory=Text)  # cloze
    choices: tuple[Text, ...] = ()  # mcq
    correct_choices: tuple[int, ...] = ()  # mcq, 0-based
    accepted: tuple[str, ...] = ()  # typed
    explain: Text | None = None
    key_points: tuple[KeyPoint, ...] = ()  # basic: graded free answers
    tags: tuple[str, ...] = ()
    source: str | None = None
    kata: str | None = None
    difficulty: int | None = None

    @property
    def key(self) -> tuple[str, str]:
        """Progress is keyed on deck id + card id, so editing the text keeps it."""
        return (self.deck_id, self.id)

    @property
    def auto_graded(self) -> bool:
        return self.type != "basic"

    @property
    def gradable(self) -> bool:
        """Whether an exam can grade it without the user: auto-graded, or with key points."""
        return self.auto_graded or bool(self.key_points)

    def resolve(self) -> Card:
        """A card is its own handle (see `CardHandle`)."""
        return self


class CardHandle(Protocol):
    """What choosing and ordering cards needs, without the card's text (a `Card` or a `CardRef`)."""

    @property
    def deck_id(self) -> str: ...

    @property
    def key(self) -> tuple[str, str]: ...

    def resolve(self) -> Card: ...


Fetch = Callable[[Sequence[int]], list[Card]]


class CardList(Sequence[Card]):
    """A deck's cards: an index in memory, each card built when first asked for.

    The index (ids, types, tags, exam-gradable flags) is what choosing cards,
    counting them and joining them with progress needs; the text is only needed
    for the cards a command shows. A deck from the cache reads a card's content
    from disk on first use (`fetch`), so 100,000 cards cost their ids, not their
    text. A built card is kept, so the same index always gives the same object.
    """

    __slots__ = ("__weakref__", "_built", "_fetch", "gradable", "ids", "tags", "types")

    def __init__(
        self,
        ids: tuple[str, ...],
        types: tuple[str, ...],
        tags: tuple[tuple[str, ...], ...],
        gradable: tuple[bool, ...],
        fetch: Fetch,
    ) -> None:
        self.ids = ids
        self.types = types
        self.tags = tags
        self.gradable = gradable
        self._built: list[Card | None] = [None] * len(ids)
        self._fetch = fetch

    @classmethod
    def of(cls, cards: Iterable[Card]) -> CardList:
        """An index over cards already in memory."""
        built = tuple(cards)
        listed = cls(
            tuple(c.id for c in built),
            tuple(c.type for c in built),
            tuple(c.tags for c in built),
            tuple(c.gradable for c in built),
            _nothing_to_fetch,
        )
        listed._built = list(built)
        return listed

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Card: ...

    @overload
    def __getitem__(self, index: slice) -> list[Card]: ...

    def __getitem__(self, index: int | slice) -> Card | list[Card]:
        if isinstance(index, slice):
            return self.load(range(len(self.ids))[index])
        card = self._built[index]  # IndexError past either end, as for a tuple
        return card if card is not None else self.load([index % len(self.ids)])[0]

    def __iter__(self) -> Iterator[Card]:
        return iter(self.load(range(len(self.ids))))

    def load(self, indices: Iterable[int]) -> list[Card]:
        """The cards at `indices` (0 to len - 1), building the missing ones in one `fetch`."""
        wanted = list(indices)
        missing = sorted({i for i in wanted if self._built[i] is None})
        if missing:
            for i, card in zip(missing, self._fetch(missing), strict=True):
                self._built[i] = card
        return [self._built[i] for i in wanted]  # type: ignore[misc]

    def refs(self, deck_id: str, indices: Iterable[int] | None = None) -> list[CardRef]:
        """Handles on the cards at `indices` (all by default), without building them."""
        ids = self.ids
        rows: Iterable[tuple[tuple[str, str], CardList, int]]
        if indices is None:  # all in C: zip builds the key tuples and the rows
            rows = zip(zip(repeat(deck_id), ids), repeat(self), range(len(ids)))
        else:
            rows = (((deck_id, ids[i]), self, i) for i in indices)
        return list(map(partial(tuple.__new__, CardRef), rows))  # CardRef(...) without its __new__

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if isinstance(other, CardList):
            return self.ids == other.ids and tuple(self) == tuple(other)
        if isinstance(other, (tuple, list)):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.ids, self.types))

    def __repr__(self) -> str:
        return f"CardList({len(self.ids)} cards)"


def _nothing_to_fetch(indices: Sequence[int]) -> list[Card]:
    raise AssertionError(f"cards {list(indices)} are in memory already")


class CardRef(NamedTuple):
    """A card chosen by its index, built only if it is shown (see `CardHandle`)."""

    key: tuple[str, str]  # (deck id, card id), as `Card.key`
    cards: CardList
    position: int

    @property
    def deck_id(self) -> str:
        return self.key[0]

    @property
    def id(self) -> str:
        return self.key[1]

    def resolve(self) -> Card:
        return self.cards[self.position]


def resolve_all(handles: Sequence[CardHandle]) -> list[Card]:
    """The cards behind `handles`, built deck by deck in one read each."""
    by_list: dict[int, tuple[CardList, list[int]]] = {}
    for handle in handles:
        if isinstance(handle, CardRef):
            by_list.setdefault(id(handle.cards), (handle.cards, []))[1].append(handle.position)
    for cards, indices in by_list.values():
        cards.load(indices)
    return [handle.resolve() for handle in handles]


@dataclass(frozen=True)
class Deck:
    id: str
    title: Text
    path: Path
    cards: CardList
    topic: str | None = None
    description: Text | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.cards, CardList):  # a tuple or list of cards in memory
            object.__setattr__(self, "cards", CardList.of(self.cards))

    def refs(self, indices: Iterable[int] | None = None) -> list[CardRef]:
        return self.cards.refs(self.id, indices)


def topic_of(deck: Deck) -> str:
    """The topic a deck counts under in stats, plans and exams (its id when it has none)."""
    return deck.topic or deck.id
