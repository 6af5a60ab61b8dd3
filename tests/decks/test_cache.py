"""The deck parse cache is only a shortcut: changes, corruption and races fall back to parsing."""

from __future__ import annotations

import threading
from pathlib import Path

from mlprep.decks import cache as cache_module
from mlprep.decks import load_deck
from mlprep.decks.cache import DeckCache
from tests.conftest import REPO

DECK = "id: cached\ntitle: Cached\ncards:\n  - {id: a, q: first question, a: y}\n"


def write(tmp_path: Path, text: str = DECK) -> Path:
    path = tmp_path / "cached.yaml"
    path.write_text(text)
    return path


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.cache"))


def test_hit_returns_the_same_deck(tmp_path: Path) -> None:
    cache = DeckCache(tmp_path / "cache")
    path = write(tmp_path)
    first = load_deck(path, cache)
    assert len(entries(tmp_path / "cache")) == 1
    assert load_deck(path, cache) == first


def test_changed_file_is_parsed_again(tmp_path: Path) -> None:
    cache = DeckCache(tmp_path / "cache")
    path = write(tmp_path)
    load_deck(path, cache)
    write(tmp_path, DECK.replace("first question", "edited question"))
    assert load_deck(path, cache).cards[0].q.plain == "edited question"


def test_corrupt_entry_is_a_miss(tmp_path: Path) -> None:
    cache = DeckCache(tmp_path / "cache")
    path = write(tmp_path)
    load_deck(path, cache)
    (entry,) = entries(tmp_path / "cache")
    for garbage in (
        b"",
        b"mlprep-deck-cache\n" + cache_module._FORMAT + b"\nnot marshal data",
        entry.read_bytes()[:40],
    ):
        entry.write_bytes(garbage)
        assert load_deck(path, cache).id == "cached"


def test_entry_from_another_version_is_ignored(tmp_path: Path, monkeypatch: object) -> None:
    cache = DeckCache(tmp_path / "cache")
    path = write(tmp_path)
    load_deck(path, cache)
    (entry,) = entries(tmp_path / "cache")
    entry.write_bytes(entry.read_bytes().replace(cache_module._FORMAT, b"0.0.0/0", 1))
    assert cache.get(cache.key(path, path.read_bytes())) is None
    assert load_deck(path, cache).id == "cached"


def test_unwritable_cache_folder_only_costs_speed(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    assert load_deck(write(tmp_path), DeckCache(blocker)).id == "cached"


def test_concurrent_writers_never_expose_half_an_entry(tmp_path: Path) -> None:
    cache = DeckCache(tmp_path / "cache")
    path = write(tmp_path)
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            for _ in range(20):
                assert load_deck(path, cache).id == "cached"
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(entries(tmp_path / "cache")) == 1
    assert not list((tmp_path / "cache").glob(".tmp-*"))


def test_round_trip_keeps_every_field() -> None:
    from mlprep.decks.cache import deck_from_rows, deck_to_rows
    from tests.conftest import DATA

    deck = load_deck(DATA / "good_decks" / "unusual.yaml")
    assert deck_from_rows(deck_to_rows(deck)) == deck
    kp = load_deck(REPO / "decks" / "transformer.yaml")
    assert deck_from_rows(deck_to_rows(kp)) == kp
