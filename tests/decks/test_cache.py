"""The deck parse cache is only a shortcut: changes, corruption and races fall back to parsing."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from mlprep.decks import cache as cache_module
from mlprep.decks import load_deck, loader
from mlprep.decks.cache import DeckCache
from mlprep.errors import DeckError
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


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    from tests.conftest import DATA

    cache = DeckCache(tmp_path / "cache")
    for deck in (
        load_deck(DATA / "good_decks" / "unusual.yaml"),
        load_deck(REPO / "decks" / "transformer.yaml"),
    ):
        cache.put("k" * 40, deck)
        cached = cache.get("k" * 40)
        assert cached is not None
        assert cached == deck
        assert [c.gradable for c in deck.cards] == list(cached.cards.gradable)


def settled_cache(folder: Path) -> DeckCache:
    """A cache whose clock is far ahead, so every file counts as settled."""
    return DeckCache(folder, clock_ns=lambda: time.time_ns() + 10 * cache_module.SETTLED_NS)


def test_a_cached_deck_builds_only_the_cards_asked_for(tmp_path: Path) -> None:
    cards = "".join(
        f"  - {{id: c{i}, q: question {i}, a: answer {i}, tags: [t{i % 3}]}}\n" for i in range(50)
    )
    path = write(tmp_path, f"id: lazy\ntitle: Lazy\ncards:\n{cards}")
    cache = DeckCache(tmp_path / "cache")
    parsed = load_deck(path, cache)
    loader._checked.clear()
    cached = load_deck(path, cache)
    assert cached is not parsed
    assert cached.cards._built == [None] * 50  # the index alone
    assert cached.cards.ids == tuple(f"c{i}" for i in range(50))
    assert cached.cards.tags[4] == ("t1",)
    assert cached.cards[7].q.plain == "question 7"
    assert sum(c is not None for c in cached.cards._built) == 1
    assert cached.cards[7] is cached.cards[7]  # built once, the same object after
    assert cached.cards[-1].q.plain == "question 49"
    assert cached.cards[-1] is cached.cards[49]
    assert [c.id for c in cached.cards[2:5]] == ["c2", "c3", "c4"]
    assert list(cached.cards) == list(parsed.cards)


def test_a_deck_parsed_for_the_first_time_comes_back_as_its_index(tmp_path: Path) -> None:
    """The first run keeps no parsed cards: each deck is held as its cached index."""
    cards = "".join(f"  - {{id: c{i}, q: question {i}, a: answer {i}}}\n" for i in range(20))
    path = write(tmp_path, f"id: first\ntitle: First\ncards:\n{cards}")
    deck = load_deck(path, DeckCache(tmp_path / "cache"))
    assert deck.cards._built == [None] * 20
    assert deck.cards[19].a.plain == "answer 19"


def test_a_damaged_card_record_is_read_from_the_deck_file(tmp_path: Path) -> None:
    path = write(tmp_path)
    cache = DeckCache(tmp_path / "cache")
    load_deck(path, cache)
    loader._checked.clear()
    (entry,) = entries(tmp_path / "cache")
    data = bytearray(entry.read_bytes())
    data[-30:] = b"\xff" * 30  # same size: the index still reads, the record does not
    entry.write_bytes(bytes(data))
    deck = load_deck(path, cache)
    assert deck.cards[0].q.plain == "first question"


def test_a_damaged_record_of_a_changed_file_is_a_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path)
    cache = DeckCache(tmp_path / "cache")
    load_deck(path, cache)
    loader._checked.clear()
    deck = load_deck(path, cache)  # the index is read now, the card later
    (entry,) = entries(tmp_path / "cache")
    data = bytearray(entry.read_bytes())
    data[-30:] = b"\xff" * 30
    entry.write_bytes(bytes(data))  # the open descriptor sees the same inode: damaged
    write(tmp_path, DECK.replace("{id: a,", "{id: renamed,"))
    with pytest.raises(DeckError) as caught:
        deck.cards[0]
    assert str(caught.value) == (
        f"{path}: its cached copy is damaged and the file changed since it was read: "
        "run the command again"
    )


def test_a_deck_in_use_survives_its_entry_being_replaced(tmp_path: Path) -> None:
    path = write(tmp_path)
    cache = DeckCache(tmp_path / "cache")
    load_deck(path, cache)
    loader._checked.clear()
    deck = load_deck(path, cache)
    (entry,) = entries(tmp_path / "cache")
    entry.unlink()  # another process pruned it
    assert deck.cards[0].a.plain == "y"


def test_warm_start_does_not_read_a_settled_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path)
    cache = settled_cache(tmp_path / "cache")
    load_deck(path, cache)
    loader._checked.clear()

    def no_reading(*args: object) -> bytes:
        raise AssertionError("the deck file was read")

    monkeypatch.setattr(loader, "_read", no_reading)
    assert load_deck(path, cache).cards[0].q.plain == "first question"


def test_a_fresh_file_is_not_trusted_by_its_stat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path)
    cache = DeckCache(tmp_path / "cache")  # the real clock: the file was written just now
    load_deck(path, cache)
    assert not list((tmp_path / "cache").glob("*.stat"))


def test_a_rewrite_with_the_same_size_and_mtime_is_seen(tmp_path: Path) -> None:
    path = write(tmp_path)
    cache = settled_cache(tmp_path / "cache")
    load_deck(path, cache)
    loader._checked.clear()
    before = path.stat()
    path.write_text(DECK.replace("first", "fixed"))  # same length
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # mtime put back; ctime moves
    assert path.stat().st_size == before.st_size
    assert load_deck(path, cache).cards[0].q.plain == "fixed question"
