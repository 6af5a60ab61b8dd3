"""The progress store's schema: each version's SQL, the Python steps of an upgrade, the upgrade.

A store upgrades in place, one version at a time, in one transaction, after
its older file is copied aside (`mlprep.db.vN.bak`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from mlprep.errors import StoreError

SCHEMA_VERSION = 3

_SCHEMA_V1 = """
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
"""

_SCHEMA_V2 = """
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
"""

# Answers to cards that were in the review state (fsrs.State.Review == 2) when answered on schedule:
# the sample of the true retention. The same words in the index, the triggers and the queries
# below, so that SQLite can use the partial index `reviews_recall` for them.
_RECALL_OF = "{row}mode = 'review' AND json_extract({row}state_before, '$.state') = 2"
RECALL_ANSWER = _RECALL_OF.format(row="")


def _recall_of(row: str) -> str:
    """1 when the trigger row `row` (NEW or OLD) is a recall answer, else 0 (never NULL)."""
    return f"(CASE WHEN {_RECALL_OF.format(row=row + '.')} THEN 1 ELSE 0 END)"


def _recalled_of(row: str) -> str:
    return f"(CASE WHEN {row}.rating > 1 THEN {_recall_of(row)} ELSE 0 END)"


_SCHEMA_V3 = f"""
ALTER TABLE card_states ADD COLUMN stability REAL;      -- fsrs stability, NULL when none
ALTER TABLE card_states ADD COLUMN last_review REAL;    -- unix seconds, NULL when none
CREATE TABLE review_totals (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    answers        INTEGER NOT NULL,  -- every row of reviews
    recall_answers INTEGER NOT NULL,  -- rows matching RECALL_ANSWER
    recalled       INTEGER NOT NULL   -- of those, rating > 1
);
CREATE INDEX reviews_recall ON reviews (reviewed_at, rating) WHERE {RECALL_ANSWER};
-- counted through the new index: one pass of json_extract over the log instead of two
INSERT INTO review_totals (id, answers, recall_answers, recalled)
    SELECT 1, (SELECT COUNT(*) FROM reviews), COUNT(*), COALESCE(SUM(rating > 1), 0)
    FROM reviews WHERE {RECALL_ANSWER};
CREATE TRIGGER reviews_totals_insert AFTER INSERT ON reviews BEGIN
    UPDATE review_totals SET
        answers = answers + 1,
        recall_answers = recall_answers + {_recall_of("NEW")},
        recalled = recalled + {_recalled_of("NEW")}
    WHERE id = 1;
END;
CREATE TRIGGER reviews_totals_delete AFTER DELETE ON reviews BEGIN
    UPDATE review_totals SET
        answers = answers - 1,
        recall_answers = recall_answers - {_recall_of("OLD")},
        recalled = recalled - {_recalled_of("OLD")}
    WHERE id = 1;
END;
CREATE TRIGGER reviews_totals_update AFTER UPDATE OF mode, state_before, rating ON reviews BEGIN
    UPDATE review_totals SET
        recall_answers = recall_answers + {_recall_of("NEW")} - {_recall_of("OLD")},
        recalled = recalled + {_recalled_of("NEW")} - {_recalled_of("OLD")}
    WHERE id = 1;
END;
"""

# version reached -> SQL that upgrades the previous version to it (older stores upgrade in place)
MIGRATIONS: dict[int, str] = {1: _SCHEMA_V1, 2: _SCHEMA_V2, 3: _SCHEMA_V3}


def schedule_columns(fsrs_json: str) -> tuple[float | None, float | None]:
    """(stability, last_review in unix seconds) of a card's fsrs JSON, as `fsrs.Card.from_json` reads them.

    Raises ValueError when the JSON is not an fsrs card.
    """
    try:
        data = json.loads(fsrs_json)
        stability = data.get("stability")
        last_review = data.get("last_review")
        return (
            float(stability) if stability else None,
            datetime.fromisoformat(last_review).timestamp() if last_review else None,
        )
    except (ValueError, TypeError, AttributeError) as error:
        raise ValueError(f"not an fsrs card state ({error})") from error


def _fill_schedule_columns(db: sqlite3.Connection, path: Path) -> None:
    """Version 3's Python step: derive stability and last_review of every stored card state."""
    rows = db.execute("SELECT rowid, deck_id, card_id, fsrs FROM card_states").fetchall()
    values: list[tuple[float | None, float | None, int]] = []
    for rowid, deck_id, card_id, fsrs in rows:
        try:
            values.append((*schedule_columns(str(fsrs)), int(rowid)))
        except ValueError as error:
            raise StoreError(
                f"the progress store {path} holds a card state that cannot be read"
                f" (card {deck_id}/{card_id}: {error}); it was left untouched.",
                hint="restore a backup of the store, or move it aside to start a fresh one.",
            ) from error
    db.executemany("UPDATE card_states SET stability = ?, last_review = ? WHERE rowid = ?", values)


# version reached -> Python run after that version's SQL, in the same transaction
MIGRATION_STEPS: dict[int, Callable[[sqlite3.Connection, Path], None]] = {3: _fill_schedule_columns}


def _statements(sql: str) -> Iterator[str]:
    """The statements of a script, one by one (a trigger's body keeps its own semicolons).

    `executescript` would commit the open transaction first, so each migration runs its
    statements one at a time inside a single transaction instead.
    """
    pending = ""
    for piece in sql.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \t\n;"):
                yield pending
            pending = ""
    if pending.strip(" \t\n;"):
        yield pending


def migrate(db: sqlite3.Connection, path: Path) -> None:
    """Upgrade the store in place to `SCHEMA_VERSION` (after a backup), all in one transaction;
    refuse a store written by a newer mlprep."""
    (version,) = db.execute("PRAGMA user_version").fetchone()
    if version > SCHEMA_VERSION:
        from mlprep.install_hint import upgrade_command

        raise StoreError(
            f"the progress store {path} was written by a newer mlprep (schema {version}, "
            f"this one knows up to {SCHEMA_VERSION}); it was left untouched.",
            hint=f"upgrade mlprep ({upgrade_command()}), or point MLPREP_HOME elsewhere.",
        )
    if version == SCHEMA_VERSION:
        return
    if version > 0:
        _backup(db, path, version)
    db.execute("BEGIN IMMEDIATE")
    try:
        (current,) = db.execute("PRAGMA user_version").fetchone()  # re-read under the lock
        for target in range(current + 1, SCHEMA_VERSION + 1):
            for statement in _statements(MIGRATIONS[target]):
                db.execute(statement)
            step = MIGRATION_STEPS.get(target)
            if step is not None:
                step(db, path)
            db.execute(f"PRAGMA user_version = {target}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def _backup(db: sqlite3.Connection, path: Path, version: int) -> None:
    """Copy an older store aside before upgrading it in place."""
    target = path.with_name(f"{path.name}.v{version}.bak")
    with sqlite3.connect(target) as copy:
        db.backup(copy)
    copy.close()
