"""Write imported cards as YAML deck files that `mlprep deck lint` accepts.

Every card is checked with the deck loader before it is written; a card the
deck format cannot hold is left out and reported (never a broken deck file).
Deck ids already used by another deck (shipped, or one of the user's own)
get an `-anki` suffix; a file that an earlier import wrote is replaced, so
importing again updates instead of duplicating; a hand-written file is never
overwritten.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mlprep.decks.cache import DeckCache
from mlprep.decks.catalog import all_deck_files
from mlprep.decks.loader import load_decks
from mlprep.decks.schema import ID_PATTERN, build_deck
from mlprep.decks.yamltree import YamlProblem, parse
from mlprep.errors import UsageError
from mlprep.paths import Paths

HEADER = "# Imported by `mlprep import {kind}` from {source}. Importing again replaces this file.\n"
MARKER = "# Imported by `mlprep import "

TextValue = str | dict[str, str]


@dataclass
class DeckDraft:
    """One deck to write: `cards` are deck-format mappings (id, type, q, a, ...)."""

    id: str
    title: TextValue
    topic: str | None = None
    cards: list[dict[str, Any]] = field(default_factory=list)
    source_name: str = ""  # where it came from (an Anki deck name, a CSV file)
    written_id: str | None = None  # the id it was written under (set by write_decks)


@dataclass(frozen=True)
class Skipped:
    where: str
    reason: str


@dataclass(frozen=True)
class WrittenDeck:
    path: Path
    deck_id: str
    source_name: str
    cards: int
    by_type: dict[str, int]
    renamed_from: str | None = None
    replaced: bool = False


def ascii_slug(value: str) -> str:
    """Lowercase ASCII letters and digits of `value` joined by '-' (empty when there are none)."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:48].strip("-")


def slug(value: str, fallback_seed: str, prefix: str = "") -> str:
    """An id ([a-z0-9-], ≤ 64) from any text; a short hash when nothing ASCII is left."""
    text = ascii_slug(value)
    if not text:
        digest = hashlib.sha1(fallback_seed.encode()).hexdigest()[:8]
        text = f"{prefix or 'x'}-{digest}"
    return text


_BaseDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present


class _Dumper(_BaseDumper):  # type: ignore[misc]
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value and not re.search(r"[ \t]\n|[ \t]$", value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def _problem(text: str) -> str | None:
    """The deck loader's verdict on a deck file's text: its first problem (None: valid)."""
    path = Path("imported.yaml")
    try:
        root = parse(path, text)
    except YamlProblem as problem:
        return problem.problem.message
    deck, problems = build_deck(path, root)
    if deck is None:
        return problems[0].message if problems else "not a valid deck"
    return None


def unique_card_ids(draft: DeckDraft) -> None:
    """Card ids made unique within the draft (`-2`, `-3`, … on repeats)."""
    seen: set[str] = set()
    for card in draft.cards:
        base = card["id"]
        number = 2
        while card["id"] in seen:
            card["id"] = f"{base[:60]}-{number}"
            number += 1
        seen.add(card["id"])


def drop_invalid_cards(draft: DeckDraft) -> list[Skipped]:
    """Leave out the cards the deck format rejects, each with the loader's reason."""
    kept: list[dict[str, Any]] = []
    skipped: list[Skipped] = []
    for card in draft.cards:
        problem = _problem(dump({"id": "probe", "title": "probe", "cards": [card]}))
        if problem is None:
            kept.append(card)
        else:
            skipped.append(Skipped(f"{draft.source_name or draft.id}: card {card['id']}", problem))
    draft.cards = kept
    return skipped


def _imported_by_mlprep(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as handle:
            return handle.readline().startswith(MARKER)
    except (OSError, UnicodeDecodeError):
        return False


def write_decks(
    paths: Paths, drafts: Sequence[DeckDraft], kind: str, source: str
) -> tuple[list[WrittenDeck], list[Skipped]]:
    """Write each non-empty draft to the user's deck folder as `<id>.yaml`."""
    known = load_decks(all_deck_files(paths), DeckCache(paths.cache / "decks"))
    owners = {deck.id: deck.path.resolve() for deck in known.decks}
    folder = paths.user_decks
    written: list[WrittenDeck] = []
    skipped: list[Skipped] = []
    claimed: set[str] = set()
    for draft in drafts:
        unique_card_ids(draft)
        if not draft.cards:
            continue
        wanted = draft.id if ID_PATTERN.fullmatch(draft.id) else slug(draft.id, draft.id, "deck")
        deck_id, number = wanted, 1
        while True:
            target = (folder / f"{deck_id}.yaml").resolve()
            owner = owners.get(deck_id)
            free_path = not target.exists() or _imported_by_mlprep(target)
            if deck_id not in claimed and (owner is None or owner == target) and free_path:
                break
            number += 1
            suffix = "-anki" if number == 2 else f"-anki-{number - 1}"
            deck_id = f"{wanted[: 64 - len(suffix)]}{suffix}"
        data: dict[str, Any] = {"id": deck_id, "title": draft.title}
        if draft.topic:
            data["topic"] = draft.topic
        data["version"] = 1
        data["cards"] = draft.cards
        text = dump(data)
        if _problem(text) is not None:  # rare: find the cards the format cannot hold
            skipped.extend(drop_invalid_cards(draft))
            if not draft.cards:
                continue
            data["cards"] = draft.cards
            text = dump(data)
            problem = _problem(text)
            if problem is not None:
                raise UsageError(f"cannot write the deck '{deck_id}' from {source}: {problem}")
        claimed.add(deck_id)
        draft.written_id = deck_id
        replaced = target.exists()
        folder.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        header = HEADER.format(kind=kind, source=source.replace("\n", " "))
        tmp.write_text(header + text, encoding="utf-8")
        os.replace(tmp, target)
        by_type: dict[str, int] = {}
        for card in draft.cards:
            by_type[card.get("type", "basic")] = by_type.get(card.get("type", "basic"), 0) + 1
        written.append(
            WrittenDeck(
                target,
                deck_id,
                draft.source_name,
                len(draft.cards),
                by_type,
                wanted if deck_id != wanted else None,
                replaced,
            )
        )
    return written, skipped
