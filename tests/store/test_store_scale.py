"""Schema 3: what stats and the planner ask of a long history is answered without scanning it.

The review totals are kept by triggers, a card's stability and last review are plain columns,
and the recall answers of a recent window are found through a partial index.
"""

from __future__ import annotations

import importlib.util
import random
import sqlite3
import sys
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import pytest
from fsrs import Card, Rating, Scheduler, State

from mlprep import store as store_module
from mlprep.errors import StoreError
from mlprep.store import (
    CardState,
    Review,
    ReviewTotals,
    Schedule,
    ScheduledAnswer,
    Store,
    open_store,
    schedule_columns,
)

# The schema as mlprep wrote it at version 2 (git history before schema 3), kept verbatim so
# that this test builds a real version-2 store whatever later versions change.
SCHEMA_V2 = """
CREATE TABLE card_states (
    deck_id    TEXT NOT NULL,
    card_id    TEXT NOT NULL,
    fsrs       TEXT NOT NULL,      -- fsrs.Card.to_json()
    state      INTEGER NOT NULL,   -- fsrs.State value: 1 learning, 2 review, 3 relearning
    due        REAL NOT NULL,      -- unix seconds
    PRIMARY KEY (deck_id, card_id)
);
CREATE INDEX card_states_due ON card_states (due);
CREATE TABLE reviews (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    deck_id      TEXT NOT NULL,
    card_id      TEXT NOT NULL,
    rating       INTEGER NOT NULL,  -- 1 again, 2 hard, 3 good, 4 easy
    mode         TEXT NOT NULL,     -- review | cram
    reviewed_at  REAL NOT NULL,     -- unix seconds
    duration_ms  INTEGER,
    correct      INTEGER,           -- auto-graded verdict, NULL for self-graded cards
    state_before TEXT,              -- fsrs json before the answer (NULL: the card was new)
    state_after  TEXT,              -- fsrs json after the answer (NULL in cram mode)
    session_id   TEXT
);
CREATE INDEX reviews_card ON reviews (deck_id, card_id);
CREATE INDEX reviews_time ON reviews (reviewed_at);
CREATE TABLE kata_attempts (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    kata    TEXT NOT NULL,
    status  TEXT NOT NULL,          -- pass | fail | error
    passed  INTEGER NOT NULL,
    failed  INTEGER NOT NULL,
    seed    INTEGER NOT NULL,
    at      REAL NOT NULL
);
CREATE INDEX kata_attempts_kata ON kata_attempts (kata);
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE exams (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at  REAL NOT NULL,
    finished_at REAL NOT NULL,
    report      TEXT NOT NULL       -- JSON: per-topic scores, times, cards to review
);
PRAGMA user_version = 2;
"""

# The queries schema 2 answered retention() and review_count() with: the reference recount.
OLD_RETENTION = (
    "SELECT COALESCE(SUM(rating > 1), 0), COUNT(*) FROM reviews"
    " WHERE mode = 'review' AND state_before IS NOT NULL"
    " AND json_extract(state_before, '$.state') = 2"
)
OLD_COUNT = "SELECT COUNT(*) FROM reviews"

FSRS = Scheduler(enable_fuzzing=False)
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc).timestamp()


def recount(path: Path) -> ReviewTotals:
    db = sqlite3.connect(path)
    try:
        recalled, recall_answers = db.execute(OLD_RETENTION).fetchone()
        (answers,) = db.execute(OLD_COUNT).fetchone()
    finally:
        db.close()
    return ReviewTotals(answers, recall_answers, recalled)


def card_state(deck_id: str, card_id: str, card: Card) -> CardState:
    return CardState(deck_id, card_id, card.to_json(), int(card.state), card.due.timestamp())


def restore(fsrs_json: str) -> CardState:
    card = Card.from_json(fsrs_json)
    return CardState("d", "?", fsrs_json, int(card.state), card.due.timestamp())


def answer(store: Store, deck_id: str, card_id: str, rating: int, at: float, mode: str) -> Review:
    """One answer through the store, scheduled with the real FSRS (cram: logged, no new state)."""

    def schedule(current: CardState | None) -> ScheduledAnswer:
        before = None if current is None else current.fsrs
        if mode == "cram":
            return ScheduledAnswer(
                Review(deck_id, card_id, rating, "cram", at, state_before=before), None
            )
        card = (
            Card(card_id=abs(hash((deck_id, card_id))) % 10**9)
            if before is None
            else Card.from_json(before)
        )
        moment = datetime.fromtimestamp(at, timezone.utc)
        new, _log = FSRS.review_card(card, Rating(rating), review_datetime=moment)
        review = Review(
            deck_id, card_id, rating, "review", at, state_before=before, state_after=new.to_json()
        )
        return ScheduledAnswer(review, card_state(deck_id, card_id, new))

    return store.answer(deck_id, card_id, schedule)


def expected_schedule(state: CardState) -> Schedule:
    card = Card.from_json(state.fsrs)
    return Schedule(
        state.state,
        state.due,
        card.stability,
        None if card.last_review is None else card.last_review.timestamp(),
    )


# -- migration from version 2 -------------------------------------------------------------
def fsrs_history(card_id: int, ratings: list[Rating]) -> list[tuple[str | None, str, float]]:
    """(state_before, state_after, reviewed_at) of each answer of one card, replayed with FSRS."""
    card = Card(card_id=card_id)
    before: str | None = None
    at = T0 + card_id * 1000.0
    rows = []
    for rating in ratings:
        card, _log = FSRS.review_card(
            card, rating, review_datetime=datetime.fromtimestamp(at, timezone.utc)
        )
        rows.append((before, card.to_json(), at))
        before = card.to_json()
        at = max(card.due.timestamp(), at + 60.0) + 3600.0
    return rows


def v2_store(path: Path) -> None:
    """A version-2 store holding answers of every kind and the card states they left."""
    db = sqlite3.connect(path)
    db.executescript(SCHEMA_V2)
    good, again, easy, hard = Rating.Good, Rating.Again, Rating.Easy, Rating.Hard
    histories = {
        "learning": [good],  # new -> learning
        "graduated": [good, good, good, again, good, easy, hard],  # review, relearning, review
        "easy": [easy, easy, again],  # straight to review, then relearning
        "lapsed": [easy, again, again, good],
    }
    for n, (card_id, ratings) in enumerate(histories.items(), start=1):
        rows = fsrs_history(n, ratings)
        for rating, (before, after, at) in zip(ratings, rows, strict=True):
            db.execute(
                "INSERT INTO reviews (deck_id, card_id, rating, mode, reviewed_at, state_before,"
                " state_after) VALUES ('d', ?, ?, 'review', ?, ?, ?)",
                (card_id, int(rating), at, before, after),
            )
        last = Card.from_json(rows[-1][1])
        db.execute(
            "INSERT INTO card_states (deck_id, card_id, fsrs, state, due) VALUES ('d', ?, ?, ?, ?)",
            (card_id, rows[-1][1], int(last.state), last.due.timestamp()),
        )
    review_state = fsrs_history(1, [easy])[0][1]
    assert Card.from_json(review_state).state == State.Review
    # cram answers: never part of the retention sample, whatever state the card was in
    for grade, before in ((1, review_state), (3, review_state), (3, None)):
        db.execute(
            "INSERT INTO reviews (deck_id, card_id, rating, mode, reviewed_at, state_before,"
            " state_after) VALUES ('d', 'graduated', ?, 'cram', ?, ?, NULL)",
            (grade, T0 + 50.0, before),
        )
    # a scheduled answer logged without its state (an imported row)
    db.execute(
        "INSERT INTO reviews (deck_id, card_id, rating, mode, reviewed_at) VALUES ('d', 'x', 3, 'review', ?)",
        (T0,),
    )
    # a card state without stability or last review (a fresh fsrs card)
    fresh = Card(card_id=99)
    db.execute(
        "INSERT INTO card_states (deck_id, card_id, fsrs, state, due) VALUES ('e', 'fresh', ?, ?, ?)",
        (fresh.to_json(), int(fresh.state), fresh.due.timestamp()),
    )
    db.commit()
    db.close()


def test_version_2_store_migrates_with_exact_totals_and_columns(tmp_path: Path) -> None:
    path = tmp_path / "mlprep.db"
    v2_store(path)
    expected = recount(path)
    # the sample holds real recall answers, forgotten ones and non-sample rows alike
    assert 0 < expected.recalled < expected.recall_answers < expected.answers
    db = sqlite3.connect(path)
    states = {
        (str(d), str(c)): CardState(d, c, f, s, due)
        for d, c, f, s, due in db.execute(
            "SELECT deck_id, card_id, fsrs, state, due FROM card_states"
        )
    }
    db.close()

    with open_store(path) as store:
        assert store.review_totals() == expected
        assert store.retention() == (expected.recalled, expected.recall_answers)
        assert store.review_count() == expected.answers
        schedules = store.card_schedules()
        assert store.card_states() == states
    assert {(d, c): s for d, cards in schedules.items() for c, s in cards.items()} == {
        key: expected_schedule(state) for key, state in states.items()
    }
    assert schedules["e"]["fresh"].stability is None
    assert schedules["e"]["fresh"].last_review is None
    assert all(s.last_review is not None for s in schedules["d"].values())

    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == store_module.SCHEMA_VERSION == 3
    backup = sqlite3.connect(tmp_path / "mlprep.db.v2.bak")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 2
    assert backup.execute(OLD_COUNT).fetchone()[0] == expected.answers


def test_migration_with_an_unreadable_card_state_is_refused_and_rolled_back(tmp_path: Path) -> None:
    """The Python step runs in the schema change's transaction: its failure leaves version 2."""
    path = tmp_path / "mlprep.db"
    v2_store(path)
    db = sqlite3.connect(path)
    db.execute(
        "UPDATE card_states SET fsrs = '{\"last_review\": \"yesterday\"}' WHERE card_id = 'easy'"
    )
    db.commit()
    db.close()
    with pytest.raises(
        StoreError, match=r"holds a card state that cannot be read \(card d/easy: not an fsrs card"
    ):
        open_store(path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 2
    tables = {r for (r,) in db.execute("SELECT name FROM sqlite_master")}
    assert "review_totals" not in tables and "reviews_recall" not in tables
    assert "stability" not in [r[1] for r in db.execute("PRAGMA table_info(card_states)")]


def test_fresh_store_starts_with_zero_totals(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        assert store.review_totals() == ReviewTotals(0, 0, 0)
        assert store.retention() == (0, 0)
        assert store.card_schedules() == {}


# -- totals stay exact ---------------------------------------------------------------------
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_totals_equal_a_recount_after_answers_undo_and_updates(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    path = tmp_path / "mlprep.db"
    edit = sqlite3.connect(path, isolation_level=None)  # another writer: edits rows directly
    with open_store(path) as store:
        at = T0
        logged: list[int] = []
        for step in range(70):
            at += rng.choice([60.0, 3600.0, 86400.0 * rng.randint(1, 30)])
            action = rng.random()
            if action < 0.7 or not logged:
                card = f"c{rng.randint(0, 5)}"
                mode = "cram" if rng.random() < 0.2 else "review"
                review = answer(store, "d", card, rng.randint(1, 4), at, mode)
                assert review.id is not None
                logged.append(review.id)
            elif action < 0.85:
                store.undo(logged.pop(), restore)
            else:
                target = rng.choice(logged)
                column, value = rng.choice(
                    [
                        ("rating", rng.randint(1, 4)),
                        ("mode", rng.choice(["review", "cram"])),
                        ("state_before", None),
                        ("reviewed_at", at),
                    ]
                )
                edit.execute(f"UPDATE reviews SET {column} = ? WHERE id = ?", (value, target))
            assert store.review_totals() == recount(path), f"seed {seed}, step {step}"
        final = recount(path)
        assert final.recall_answers > 0 and final.answers > final.recall_answers
        edit.execute("DELETE FROM reviews")
        assert store.review_totals() == ReviewTotals(0, 0, 0)
    edit.close()


def test_card_schedules_match_card_states(tmp_path: Path) -> None:
    rng = random.Random(7)
    with open_store(tmp_path / "mlprep.db") as store:
        at = T0
        for _ in range(40):
            at += rng.choice([600.0, 86400.0 * rng.randint(1, 20)])
            answer(
                store, rng.choice("ab"), f"c{rng.randint(0, 6)}", rng.randint(1, 4), at, "review"
            )
        states = store.card_states()
        schedules = store.card_schedules()
    assert len(states) > 6
    assert {(d, c): s for d, cards in schedules.items() for c, s in cards.items()} == {
        key: expected_schedule(state) for key, state in states.items()
    }
    assert {s.state for s in states.values()} >= {1, 2}  # learning and review cards alike


def test_studied_keys_and_schedules_due_before(tmp_path: Path) -> None:
    rng = random.Random(11)
    with open_store(tmp_path / "mlprep.db") as store:
        at = T0
        for _ in range(40):
            at += rng.choice([600.0, 86400.0 * rng.randint(1, 20)])
            answer(
                store, rng.choice("ab"), f"c{rng.randint(0, 9)}", rng.randint(1, 4), at, "review"
            )
        answer(store, "a", "crammed", 3, at, "cram")  # logged, never scheduled
        states = store.card_states()
        assert store.studied_keys() == set(states)
        dues = sorted(state.due for state in states.values())
        for moment in (dues[0], dues[len(dues) // 2], dues[-1], dues[-1] + 1):
            assert store.schedules_due_before(moment) == {
                key: expected_schedule(state)
                for key, state in states.items()
                if state.due < moment  # strictly before
            }


@pytest.mark.parametrize(
    ("fsrs_json", "expected"),
    [
        (
            '{"stability": 3.5, "last_review": "2026-06-14T15:27:16.228863+00:00"}',
            (3.5, datetime.fromisoformat("2026-06-14T15:27:16.228863+00:00").timestamp()),
        ),
        ('{"stability": null, "last_review": null}', (None, None)),
        ('{"state": 1}', (None, None)),
    ],
)
def test_schedule_columns(fsrs_json: str, expected: tuple[float | None, float | None]) -> None:
    assert schedule_columns(fsrs_json) == expected


@pytest.mark.parametrize(
    ("fsrs_json", "problem"),
    [
        ("not json", "Expecting value"),
        ('{"last_review": "yesterday"}', "Invalid isoformat string"),
        ('{"stability": "high"}', "could not convert string to float"),
        ("[1, 2]", "'list' object has no attribute 'get'"),
    ],
)
def test_schedule_columns_refuses_what_is_not_an_fsrs_card(fsrs_json: str, problem: str) -> None:
    with pytest.raises(ValueError, match=f"not an fsrs card state \\({problem}"):
        schedule_columns(fsrs_json)


# -- the streak's question and the query plans ----------------------------------------------
def test_answered_between_includes_start_and_excludes_end(tmp_path: Path) -> None:
    with open_store(tmp_path / "mlprep.db") as store:
        assert not store.answered_between(0.0, 10**10)
        answer(store, "d", "c", 3, 1000.0, "review")
        answer(store, "d", "c", 3, 5000.0, "cram")
        assert store.answered_between(1000.0, 1001.0)  # start inclusive
        assert not store.answered_between(999.0, 1000.0)  # end exclusive
        assert not store.answered_between(1000.0, 1000.0)
        assert not store.answered_between(1000.5, 5000.0)
        assert store.answered_between(4999.9, 5000.1)  # cram answers count too
        assert not store.answered_between(5000.1, 10**10)


def plans(store: Store, call: Callable[[], object]) -> list[str]:
    """The query plan of every statement the store runs during `call()`."""
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    try:
        call()
    finally:
        store._db.set_trace_callback(None)
    assert statements
    return [
        " / ".join(str(row[3]) for row in store._db.execute(f"EXPLAIN QUERY PLAN {sql}"))
        for sql in statements
    ]


def test_window_queries_seek_their_index(tmp_path: Path) -> None:
    with open_store(tmp_path / "mlprep.db") as store:
        for n in range(30):
            answer(store, "d", f"c{n % 3}", 3, T0 + n * 86400.0, "review")
        since = T0 + 20 * 86400.0
        weekly = plans(store, lambda: store.weekly_retention(since, 3600.0))
        reviewed = plans(store, lambda: store.reviewed_cards_since(since))
        between = plans(store, lambda: store.answered_between(since, since + 86400.0))
        totals = plans(store, store.review_totals)
        assert sum(w[2] for w in store.weekly_retention(since, 3600.0)) > 0
        assert store.reviewed_cards_since(since) == 3
    assert weekly == [
        "SEARCH reviews USING INDEX reviews_recall (reviewed_at>?) / USE TEMP B-TREE FOR GROUP BY"
    ]
    assert (
        len(reviewed) == 1
        and "SEARCH reviews USING INDEX reviews_recall (reviewed_at>?)" in reviewed[0]
    )
    assert len(between) == 1
    assert (
        "SEARCH reviews USING COVERING INDEX reviews_time (reviewed_at>? AND reviewed_at<?)"
        in between[0]
    )
    assert totals == ["SEARCH review_totals USING INTEGER PRIMARY KEY (rowid=?)"]
    assert not any("SCAN reviews" in plan for plan in weekly + reviewed + between)


# -- the scale benchmark's store -----------------------------------------------------------
def test_benchmark_store_has_exact_columns_and_totals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """benchmarks/scale.py writes the store with bulk SQL: its columns and totals must hold too."""
    monkeypatch.setattr(sys, "path", list(sys.path))  # the benchmark puts its folder first
    source = Path(__file__).resolve().parents[2] / "benchmarks" / "scale.py"
    spec = importlib.util.spec_from_file_location("scale_benchmark", source)
    assert spec is not None and spec.loader is not None
    scale = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, scale)  # its dataclasses look it up
    spec.loader.exec_module(scale)
    ids = [[f"card-{n}" for n in range(deck, 40, 2)] for deck in range(2)]
    path = tmp_path / "mlprep.db"
    facts = scale.build_store(path, ids, 300, 1.0, T0 + 400 * 86400.0)
    assert facts["reviews"] == 300
    expected = recount(path)
    assert expected.recall_answers > 0
    with open_store(path) as store:
        assert store.review_totals() == expected
        states = store.card_states()
        schedules = store.card_schedules()
    assert len(states) == facts["studied"] > 1
    assert {(d, c): s for d, cards in schedules.items() for c, s in cards.items()} == {
        key: expected_schedule(state) for key, state in states.items()
    }


def test_lost_totals_row_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "mlprep.db"
    with open_store(path) as store:
        answer(store, "d", "c", 3, T0, "review")
        db = sqlite3.connect(path)
        db.execute("DELETE FROM review_totals")
        db.commit()
        db.close()
        with pytest.raises(
            StoreError, match=r"mlprep.db lost its review totals; it was left untouched"
        ):
            store.retention()
