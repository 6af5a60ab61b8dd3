"""Question decks: the YAML format, its checks, and where decks are found."""

from __future__ import annotations

from mlprep.decks.catalog import (
    all_deck_files,
    lint,
    lint_shipped,
    load_catalog,
    select_cards,
)
from mlprep.decks.loader import DeckSet, load_deck, load_decks
from mlprep.decks.model import Card, Deck, Text

__all__ = [
    "Card",
    "Deck",
    "DeckSet",
    "Text",
    "all_deck_files",
    "lint",
    "lint_shipped",
    "load_catalog",
    "load_deck",
    "load_decks",
    "select_cards",
]
