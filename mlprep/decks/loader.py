"""Read deck files from disk: one file into a `Deck`, many into a checked collection."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mlprep.bulk import bulk_build
from mlprep.decks import yamltree
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


# decks already checked in this process, by path and exact content: a long-lived process (the
# watch loop, a test session) parses each file once; decks are frozen, so sharing them is safe
_checked: dict[tuple[str, bytes], tuple[Deck | None, tuple[Problem, ...]]] = {}
_CHECKED_MAX = 256


def _load(path: Path, cache: DeckCache | None = None) -> tuple[Deck | None, list[Problem]]:
    info = _stat(path)
    if isinstance(info, Problem):
        return None, [info]
    if cache is not None:
        key = cache.key_by_stat(path, info)
        deck = cache.get(key, lambda: _reparse(path)) if key else None
        if deck is not None:
            return deck, []
    data = _read(path, info)
    if isinstance(data, Problem):
        return None, [data]
    seen = _checked.get((str(path), data))
    if seen is not None:
        return seen[0], list(seen[1])
    deck, problems = _parse_and_check(path, data, cache)
    if len(_checked) >= _CHECKED_MAX:
        _checked.clear()
    _checked[(str(path), data)] = (deck, tuple(problems))
    if cache is not None and deck is not None:
        cache.remember_stat(path, info, cache.key(path, data))
    return deck, problems


def _reparse(path: Path) -> Deck | None:
    """The deck parsed afresh from its file (when a cached card cannot be read)."""
    info = _stat(path)
    data = info if isinstance(info, Problem) else _read(path, info)
    return None if isinstance(data, Problem) else _parse_and_check(path, data, None)[0]


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _not_regular(path: Path, mode: int) -> Problem | None:
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    return Problem(
        Location(path),
        f"this is {kind}, not a deck file: give the path of a .yaml file (decks are read "
        "from regular files only)",
    )


def _stat(path: Path) -> os.stat_result | Problem:
    """The file's `stat`, or the problem that stops reading it: the kind and size are
    checked before anything is opened, so a device or FIFO is never opened and an
    oversized file never read."""
    try:
        info = path.stat()
    except OSError as error:
        return Problem(Location(path), f"cannot read the file: {error.strerror or error}")
    refused = _not_regular(path, info.st_mode)
    if refused is not None:
        return refused
    if info.st_size > yamltree.MAX_BYTES:
        return yamltree.too_large(path, info.st_size)
    return info


def _read(path: Path, info: os.stat_result) -> bytes | Problem:
    """The file's bytes (after `_stat`), capped in case the file grew in between."""
    try:
        # O_NONBLOCK: if a FIFO took the file's place since the stat, opening it must not hang
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        with os.fdopen(fd, "rb") as handle:
            refused = _not_regular(path, os.fstat(handle.fileno()).st_mode)
            if refused is not None:
                return refused
            return handle.read(yamltree.MAX_BYTES + 1)
    except OSError as error:
        return Problem(Location(path), f"cannot read the file: {error.strerror or error}")


def _parse_and_check(
    path: Path, data: bytes, cache: DeckCache | None
) -> tuple[Deck | None, list[Problem]]:
    key = cache.key(path, data) if cache else ""
    if cache:
        cached = cache.get(key, lambda: _reparse(path))
        if cached is not None:
            return cached, []
    try:
        root = parse(path, decode(path, data))
    except YamlProblem as problem:
        return None, [problem.problem]
    deck, problems = build_deck(path, root)
    if cache and deck is not None:
        cache.put(key, deck)
        # the cached deck keeps its index only: the parsed cards (100,000 of them take
        # hundreds of MB) go as soon as the next deck is parsed
        deck = cache.get(key, lambda: _reparse(path)) or deck
    return deck, problems


def deck_files(locations: Iterable[Path]) -> list[Path]:
    """Expand folders into the deck files inside them (sorted), keep files as given."""
    files: list[Path] = []
    for location in locations:
        if location.is_dir():
            files.extend(
                # any entry named like a deck but a folder: a FIFO or device is reported, not skipped
                sorted(p for p in location.rglob("*") if p.suffix in DECK_SUFFIXES and _entry(p))
            )
        elif location.exists():
            files.append(location)
        else:
            raise UsageError(f"no such deck file or folder: {location}")
    return files


def _entry(path: Path) -> bool:
    """Named like a deck and not a folder (a dangling link is skipped, as it always was)."""
    try:
        return not stat.S_ISDIR(path.stat().st_mode)
    except OSError:
        return False


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

    def only(self, files: Iterable[Path]) -> DeckSet:
        """The decks, problems and files of `files` alone (compared by resolved path)."""
        wanted = {f.resolve() for f in files}
        return DeckSet(
            [d for d in self.decks if d.path.resolve() in wanted],
            [p for p in self.problems if p.location.path.resolve() in wanted],
            [f for f in self.files if f.resolve() in wanted],
        )


def inside_folder(path: Path, folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


@bulk_build
def load_decks(
    files: Iterable[Path], cache: DeckCache | None = None, shipped: Path | None = None
) -> DeckSet:
    """Load many files, checking deck ids are unique across all of them.

    The first file with an id keeps it; a later one is a problem at its `id:`.
    A deck outside the `shipped` folder that takes a shipped deck's id is told
    to rename it: progress is keyed on the deck id, so it would mix with the
    shipped deck's.
    """
    result = DeckSet()
    owners: dict[str, Path] = {}
    for path in files:
        result.files.append(path)
        deck, problems = _load(path, cache)
        result.problems.extend(problems)
        if deck is None:
            continue
        if deck.id in owners:
            owner = owners[deck.id]
            if inside_folder(owner, shipped) and not inside_folder(path, shipped):
                message = (
                    f"deck id '{deck.id}' is the id of a shipped deck ({owner}); "
                    "rename the id (e.g. 'my-" + deck.id + "'): progress is kept per deck id, "
                    "so this deck would mix its progress with the shipped one"
                )
            else:
                message = (
                    f"deck id '{deck.id}' is already used by {owner}; "
                    "deck ids must be unique across all decks"
                )
            result.problems.append(Problem(Location(path, *_id_position(path)), message))
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
