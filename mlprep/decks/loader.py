"""Read deck files from disk: one file into a `Deck`, many into a checked collection."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mlprep.decks.cache import DeckCache
from mlprep.decks.model import Deck
from mlprep.decks.schema import build_deck
from mlprep.decks.yamltree import YamlProblem, decode, parse
from mlprep.errors import DeckError, Location, Problem, UsageError

DECK_SUFFIXES = (".yaml", ".yml")


def load_deck(path: Path, cache: DeckCache | None = None) -> Deck:
    """Load and check one deck file; raises `DeckError` listing every problem."""
    deck, problems = _load(path, cache)
    if deck is None:
        raise DeckError(problems)
    return deck


def _load(path: Path, cache: DeckCache | None = None) -> tuple[Deck | None, list[Problem]]:
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem(Location(path), f"cannot read the file: {error.strerror or error}")]
    key = cache.key(path, data) if cache else ""
    if cache:
        cached = cache.get(key)
        if cached is not None:
            return cached, []
    try:
        root = parse(path, decode(path, data))
    except YamlProblem as problem:
        return None, [problem.problem]
    deck, problems = build_deck(path, root)
    if cache and deck is not None:
        cache.put(key, deck)
    return deck, problems


def deck_files(locations: Iterable[Path]) -> list[Path]:
    """Expand folders into the deck files inside them (sorted), keep files as given."""
    files: list[Path] = []
    for location in locations:
        if location.is_dir():
            files.extend(
                sorted(p for p in location.rglob("*") if p.suffix in DECK_SUFFIXES and p.is_file())
            )
        elif location.exists():
            files.append(location)
        else:
            raise UsageError(f"no such deck file or folder: {location}")
    return files


@dataclass
class DeckSet:
    """Every deck that loaded, and every problem found on the way."""

    decks: list[Deck] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def raise_problems(self) -> None:
        if self.problems:
            raise DeckError(self.problems)

    def by_id(self) -> dict[str, Deck]:
        return {deck.id: deck for deck in self.decks}


def load_decks(files: Iterable[Path], cache: DeckCache | None = None) -> DeckSet:
    """Load many files, checking deck ids are unique across all of them."""
    result = DeckSet()
    owners: dict[str, Path] = {}
    for path in files:
        result.files.append(path)
        deck, problems = _load(path, cache)
        result.problems.extend(problems)
        if deck is None:
            continue
        if deck.id in owners:
            result.problems.append(
                Problem(
                    Location(path, *_id_position(path)),
                    f"deck id '{deck.id}' is already used by {owners[deck.id]}; "
                    "deck ids must be unique across all decks",
                )
            )
            continue
        owners[deck.id] = path
        result.decks.append(deck)
    return result


def _id_position(path: Path) -> tuple[int, int]:
    """Where the top-level `id:` is, for the duplicate-deck message."""
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
            if line.startswith("id:"):
                return number, 5
    except (OSError, UnicodeDecodeError):
        pass
    return 1, 1
