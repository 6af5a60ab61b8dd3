"""Decks and cards as plain, immutable data (what the loader returns and the quiz consumes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

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


@dataclass(frozen=True)
class Deck:
    id: str
    title: Text
    path: Path
    cards: tuple[Card, ...]
    topic: str | None = None
    description: Text | None = None


def topic_of(deck: Deck) -> str:
    """The topic a deck counts under in stats, plans and exams (its id when it has none)."""
    return deck.topic or deck.id
