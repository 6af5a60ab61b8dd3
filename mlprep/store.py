"""The progress store: one SQLite file (WAL) holding card states, the review log and kata attempts.

Every answer is its own short transaction (`BEGIN IMMEDIATE`), so a session
killed with `kill -9` loses at most the answer in flight and two sessions on
the same file both keep every answer. A store that cannot be read safely is
reported and never overwritten.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

from mlprep.errors import StoreError
from mlprep.store_schema import RECALL_ANSWER, migrate, schedule_columns
from mlprep.store_schema import SCHEMA_VERSION as SCHEMA_VERSION  # the store's version


@dataclass(frozen=True)
class CardState:
    deck_id: str
    card_id: str
    fsrs: str
    state: int
    due: float


class Schedule(NamedTuple):
    """What the stats and the planner need of a card state, without reading its fsrs JSON."""

    state: int  # fsrs.State value
    due: float  # unix seconds
    stability: float | None
    last_review: float | None  # unix seconds


class ReviewTotals(NamedTuple):
    """Counts over the whole review log, kept up to date by triggers (schema 3)."""

    answers: int  # every answer, cram included
    recall_answers: int  # scheduled answers to cards in the review state
    recalled: int  # of those, rated above Again


@dataclass(frozen=True)
class Review:
    """One row of the review log; `id` is None until it is stored."""

    deck_id: str
    card_id: str
    rating: int
    mode: str
    reviewed_at: float
    duration_ms: int | None = None
    correct: bool | None = None
    state_before: str | None = None
    state_after: str | None = None
    session_id: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class KataAttempt:
    kata: str
    status: str
    passed: int
    failed: int
    seed: int
    at: datetime


@dataclass(frozen=True)
class ScheduledAnswer:
    """What a scheduling function returns for one answer: the log row and the card's new state."""

    review: Review
    new_state: CardState | None


def _store_error(path: Path, error: sqlite3.Error) -> StoreError:
    text = str(error)
    if "readonly" in text or "read-only" in text:
        return StoreError(
            f"the progress store {path} is read-only ({text}); nothing was changed.",
            hint="make the file and its folder writable, or set MLPREP_HOME to a writable folder.",
        )
    if "locked" in text or "busy" in text:
        return StoreError(
            f"the progress store {path} stayed locked by another mlprep process ({text}).",
            hint="finish or close the other session and try again.",
        )
    return StoreError(
        f"the progress store {path} cannot be read ({text}); it was left untouched.",
        hint="move the file aside (or restore a backup) and run again to start a fresh store.",
    )


class Store:
    """A connection to the progress store; use `open_store` to get one."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    # -- lifecycle -----------------------------------------------------------------
    def close(self, *, clean: bool = True) -> None:
        """Close; after a clean session remember the file as sound (see `_known_sound`)."""
        self._db.close()
        if clean:
            _remember_sound(self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close(clean=exc_type is None)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One immediate transaction: committed whole or not at all."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as error:
            raise _store_error(self.path, error) from error

    def _read(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return list(self._db.execute(sql, params))
        except sqlite3.Error as error:
            raise _store_error(self.path, error) from error

    # -- card states -----------------------------------------------------------------
    def card_states(self) -> dict[tuple[str, str], CardState]:
        rows = self._read("SELECT deck_id, card_id, fsrs, state, due FROM card_states")
        return {(str(r[0]), str(r[1])): CardState(*r) for r in rows}

    def card_state(self, deck_id: str, card_id: str) -> CardState | None:
        rows = self._read(
            "SELECT deck_id, card_id, fsrs, state, due FROM card_states"
            " WHERE deck_id = ? AND card_id = ?",
            (deck_id, card_id),
        )
        return CardState(*rows[0]) if rows else None

    def answer(
        self,
        deck_id: str,
        card_id: str,
        schedule: Callable[[CardState | None], ScheduledAnswer],
    ) -> Review:
        """Read the card's current state, let `schedule` compute the answer, store both atomically.

        Reading inside the transaction means a concurrent session's answer to the
        same card is built upon, never overwritten.
        """
        with self._write() as db:
            row = db.execute(
                "SELECT deck_id, card_id, fsrs, state, due FROM card_states"
                " WHERE deck_id = ? AND card_id = ?",
                (deck_id, card_id),
            ).fetchone()
            outcome = schedule(CardState(*row) if row else None)
            review = outcome.review
            cursor = db.execute(
                "INSERT INTO reviews (deck_id, card_id, rating, mode, reviewed_at, duration_ms,"
                " correct, state_before, state_after, session_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    review.deck_id,
                    review.card_id,
                    review.rating,
                    review.mode,
                    review.reviewed_at,
                    review.duration_ms,
                    None if review.correct is None else int(review.correct),
                    review.state_before,
                    review.state_after,
                    review.session_id,
                ),
            )
            if outcome.new_state is not None:
                self._put_state(db, outcome.new_state)
        return _replace_id(review, cursor.lastrowid)

    def card_schedules(self) -> dict[str, dict[str, Schedule]]:
        """deck id -> card id -> the card's schedule, from plain columns (no JSON is read)."""
        rows = self._read(
            "SELECT deck_id, card_id, state, due, stability, last_review FROM card_states"
        )
        schedules: dict[str, dict[str, Schedule]] = {}
        for row in rows:
            deck = schedules.get(row[0])
            if deck is None:
                deck = schedules[row[0]] = {}
            deck[row[1]] = Schedule._make(row[2:])
        return schedules

    def studied_keys(self) -> set[tuple[str, str]]:
        """(deck id, card id) of every card with a schedule (read from the primary key alone)."""
        return set(self._read("SELECT deck_id, card_id FROM card_states"))

    def schedules_due_before(self, moment: float) -> dict[tuple[str, str], Schedule]:
        """The schedules with `due < moment`, keyed like `Card.key` (an index range scan)."""
        rows = self._read(
            "SELECT deck_id, card_id, state, due, stability, last_review FROM card_states"
            " WHERE due < ?",
            (moment,),
        )
        return {(row[0], row[1]): Schedule._make(row[2:]) for row in rows}

    @staticmethod
    def _put_state(db: sqlite3.Connection, state: CardState) -> None:
        """The only writer of card_states: the fsrs JSON and the columns derived from it."""
        stability, last_review = schedule_columns(state.fsrs)
        db.execute(
            "INSERT INTO card_states (deck_id, card_id, fsrs, state, due, stability, last_review)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (deck_id, card_id) DO UPDATE SET"
            " fsrs = excluded.fsrs, state = excluded.state, due = excluded.due,"
            " stability = excluded.stability, last_review = excluded.last_review",
            (
                state.deck_id,
                state.card_id,
                state.fsrs,
                state.state,
                state.due,
                stability,
                last_review,
            ),
        )

    def undo(self, review_id: int, restore: Callable[[str], CardState] | None = None) -> Review:
        """Delete one logged answer and put the card back exactly as it was before it.

        `restore` rebuilds a `CardState` row from the `state_before` JSON. Undo is
        refused when another answer to the same card was logged after this one.
        """
        with self._write() as db:
            row = db.execute(
                "SELECT deck_id, card_id, rating, mode, reviewed_at, duration_ms, correct,"
                " state_before, state_after, session_id, id FROM reviews WHERE id = ?",
                (review_id,),
            ).fetchone()
            if row is None:
                raise StoreError(f"answer #{review_id} is no longer in the store; nothing to undo.")
            review = _review_from_row(row)
            if review.mode == "review":
                (newer,) = db.execute(
                    "SELECT COUNT(*) FROM reviews WHERE deck_id = ? AND card_id = ?"
                    " AND mode = 'review' AND id > ?",
                    (review.deck_id, review.card_id, review_id),
                ).fetchone()
                if newer:
                    raise StoreError(
                        f"card {review.deck_id}/{review.card_id} was answered again in another "
                        "session after this answer; undo would lose that answer, so it was refused."
                    )
                if review.state_before is None:
                    db.execute(
                        "DELETE FROM card_states WHERE deck_id = ? AND card_id = ?",
                        (review.deck_id, review.card_id),
                    )
                elif restore is not None:
                    self._put_state(db, restore(review.state_before))
            db.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
        return review

    # -- review log ------------------------------------------------------------------
    def reviews(self, since: float | None = None) -> list[Review]:
        sql = (
            "SELECT deck_id, card_id, rating, mode, reviewed_at, duration_ms, correct,"
            " state_before, state_after, session_id, id FROM reviews"
        )
        params: tuple[object, ...] = ()
        if since is not None:
            sql += " WHERE reviewed_at >= ?"
            params = (since,)
        return [_review_from_row(r) for r in self._read(sql + " ORDER BY id", params)]

    def new_cards_since(self, since: float) -> int:
        """How many cards had their first scheduled answer at or after `since` (the daily new-card budget)."""
        rows = self._read(
            "SELECT COUNT(DISTINCT deck_id || '/' || card_id) FROM reviews"
            " WHERE mode = 'review' AND state_before IS NULL AND reviewed_at >= ?",
            (since,),
        )
        return int(rows[0][0])

    def review_totals(self) -> ReviewTotals:
        """Counts over the whole log, read from the one-row table the triggers keep (O(1))."""
        rows = self._read(
            "SELECT answers, recall_answers, recalled FROM review_totals WHERE id = 1"
        )
        if not rows:
            raise StoreError(
                f"the progress store {self.path} lost its review totals; it was left untouched.",
                hint="restore a backup of the store (mlprep.db.v*.bak) or move it aside.",
            )
        return ReviewTotals(int(rows[0][0]), int(rows[0][1]), int(rows[0][2]))

    def retention(self) -> tuple[int, int]:
        """(recalled, total) over scheduled answers to cards that were in the review state."""
        totals = self.review_totals()
        return totals.recalled, totals.recall_answers

    def answered_between(self, start: float, end: float) -> bool:
        """Whether any answer was logged at `start` <= reviewed_at < `end` (one index seek)."""
        rows = self._read(
            "SELECT EXISTS (SELECT 1 FROM reviews WHERE reviewed_at >= ? AND reviewed_at < ?)",
            (start, end),
        )
        return bool(rows[0][0])

    def reviewed_cards_since(self, since: float) -> int:
        """Cards in the review state answered (scheduled) at or after `since`: the daily review cap's use."""
        rows = self._read(
            "SELECT COUNT(DISTINCT deck_id || '/' || card_id) FROM reviews"
            f" WHERE {RECALL_ANSWER} AND reviewed_at >= ?",
            (since,),
        )
        return int(rows[0][0])

    def count_reviews_since(self, since: float) -> int:
        rows = self._read("SELECT COUNT(*) FROM reviews WHERE reviewed_at >= ?", (since,))
        return int(rows[0][0])

    def review_count(self) -> int:
        return self.review_totals().answers

    def integrity(self) -> str:
        """SQLite's own check of every page ('ok' when the file is sound)."""
        rows = self._read("PRAGMA quick_check")
        return "; ".join(str(r[0]) for r in rows)

    # -- settings and exams ----------------------------------------------------------
    def setting(self, key: str) -> str | None:
        rows = self._read("SELECT value FROM settings WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def set_setting(self, key: str, value: str | None) -> None:
        with self._write() as db:
            if value is None:
                db.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                db.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

    def record_exam(self, started_at: float, finished_at: float, report_json: str) -> int:
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO exams (started_at, finished_at, report) VALUES (?, ?, ?)",
                (started_at, finished_at, report_json),
            )
        return int(cursor.lastrowid or 0)

    def exams(self) -> list[tuple[int, float, float, str]]:
        rows = self._read("SELECT id, started_at, finished_at, report FROM exams ORDER BY id")
        return [(int(r[0]), float(r[1]), float(r[2]), str(r[3])) for r in rows]

    def daily_review_counts(self, since: float, utc_offset: float = 0.0) -> dict[int, int]:
        """Answers per local day number since `since`, for the heatmap."""
        rows = self._read(
            "SELECT CAST((reviewed_at + ?) / 86400 AS INTEGER) AS day, COUNT(*) FROM reviews"
            " WHERE reviewed_at >= ? GROUP BY day",
            (utc_offset, since),
        )
        return {int(r[0]): int(r[1]) for r in rows}

    def weekly_retention(self, since: float, utc_offset: float = 0.0) -> list[tuple[int, int, int]]:
        """(local day number of the week's Monday, recalled, total) for review-state answers."""
        rows = self._read(
            "SELECT (CAST((reviewed_at + ?) / 86400 AS INTEGER) + 3) / 7 AS week,"
            " COALESCE(SUM(rating > 1), 0), COUNT(*) FROM reviews"
            f" WHERE {RECALL_ANSWER} AND reviewed_at >= ?"
            " GROUP BY week ORDER BY week",
            (utc_offset, since),
        )
        return [(int(r[0]) * 7 - 3, int(r[1]), int(r[2])) for r in rows]

    # -- kata attempts ---------------------------------------------------------------
    def record_kata_attempt(
        self, kata: str, status: str, passed: int, failed: int, seed: int, at: datetime
    ) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO kata_attempts (kata, status, passed, failed, seed, at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (kata, status, passed, failed, seed, at.timestamp()),
            )

    def kata_attempts(self) -> list[KataAttempt]:
        rows = self._read(
            "SELECT kata, status, passed, failed, seed, at FROM kata_attempts ORDER BY id"
        )
        return [
            KataAttempt(
                kata=str(r[0]),
                status=str(r[1]),
                passed=int(r[2]),
                failed=int(r[3]),
                seed=int(r[4]),
                at=datetime.fromtimestamp(float(r[5]), tz=timezone.utc),
            )
            for r in rows
        ]


def _review_from_row(row: tuple[Any, ...]) -> Review:
    correct = row[6]
    return Review(
        deck_id=str(row[0]),
        card_id=str(row[1]),
        rating=int(row[2]),
        mode=str(row[3]),
        reviewed_at=float(row[4]),
        duration_ms=None if row[5] is None else int(row[5]),
        correct=None if correct is None else bool(correct),
        state_before=None if row[7] is None else str(row[7]),
        state_after=None if row[8] is None else str(row[8]),
        session_id=None if row[9] is None else str(row[9]),
        id=int(row[10]),
    )


def _replace_id(review: Review, review_id: int | None) -> Review:
    from dataclasses import replace

    return replace(review, id=review_id)


def _writable(path: Path) -> bool:
    """Whether this process may write `path` (tests swap in a permission model when run as root)."""
    return os.access(path, os.W_OK)


SIDE_FILES = ("-wal", "-shm")


def _read_only(path: Path, what: Path) -> StoreError:
    return StoreError(
        f"the progress store {path} is read-only ({what} is not writable); nothing was changed.",
        hint=f"make it writable (chmod u+w {what}), or set MLPREP_HOME to a writable folder.",
    )


def check_writable(path: Path) -> None:
    """Refuse, before SQLite touches anything, a store this process could read but not write.

    SQLite opens such a file read-only and creates its `-wal`/`-shm` files with the
    same read-only mode, which then break every later run even after the store
    itself is made writable again. A stale side file of our own is made writable
    again (its contents stay as they are); one we cannot fix is named.
    """
    if not path.exists():
        if not _writable(path.parent):
            raise _read_only(path, path.parent)
        return
    if not _writable(path):
        raise _read_only(path, path)
    sides = [path.with_name(path.name + suffix) for suffix in SIDE_FILES]
    if not all(side.exists() for side in sides) and not _writable(path.parent):
        raise _read_only(path, path.parent)
    for side in sides:
        if side.exists() and not _writable(side):
            try:
                os.chmod(side, stat.S_IMODE(path.stat().st_mode) | stat.S_IWUSR)
            except OSError as error:
                raise StoreError(
                    f"the progress store's side file {side} is read-only"
                    f" ({error.strerror or error}); nothing was changed.",
                    hint=f"make it writable (chmod u+w {side}) or, with no mlprep running,"
                    " delete it.",
                ) from error
            if not _writable(side):
                raise _read_only(path, side)


SOUND_SUFFIX = ".checked"  # side file: the store file's stamp when it was last known sound


def _stamp(path: Path) -> str | None:
    """The file's identity and last change, or None when a WAL still holds pages."""
    try:
        info = path.stat()
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size:
            return None
    except OSError:
        return None
    return f"{info.st_ino}:{info.st_size}:{info.st_mtime_ns}"


def _known_sound(path: Path) -> bool:
    """Whether the file is exactly as mlprep left it after a clean session that had checked it.

    `PRAGMA quick_check` reads every page (0.4 s on a store with a million reviews);
    a file nobody touched since a clean close needs no second reading. Any change
    (another process, an editor, a damaged disk block rewritten) changes the stamp.
    """
    stamp = _stamp(path)
    if stamp is None:
        return False
    try:
        return path.with_name(path.name + SOUND_SUFFIX).read_text(encoding="ascii") == stamp
    except (OSError, UnicodeDecodeError):
        return False


def _remember_sound(path: Path) -> None:
    stamp = _stamp(path)
    if stamp is None:
        return
    with contextlib.suppress(OSError):
        path.with_name(path.name + SOUND_SUFFIX).write_text(stamp, encoding="ascii")


def open_store(path: Path, *, create: bool = True) -> Store:
    """Open (and if needed create or upgrade) the store at `path`, after checking its health.

    Every command that opens the store gets the same checks first: a read-only
    store (or folder, or side file) and a store whose pages fail SQLite's
    integrity check are refused with one clear message, before anything is
    read into a session or written.
    """
    if not path.exists():
        if not create:
            raise StoreError(f"there is no progress store at {path} yet; answer a card first.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"cannot create the folder for the progress store {path.parent}: {error.strerror}.",
                hint="set MLPREP_HOME to a writable folder.",
            ) from error
    elif path.is_dir():
        raise StoreError(f"the progress store path {path} is a folder, not a file.")
    check_writable(path)
    try:
        db = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as error:
        raise _store_error(path, error) from error
    try:
        # Reading the schema first makes a non-database file fail before anything is written,
        # and the page check catches a damaged file before anything is written into it.
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        db.execute("PRAGMA busy_timeout = 30000")
        sound = _known_sound(path)
        verdict = ["ok"] if sound else [str(r[0]) for r in db.execute("PRAGMA quick_check")]
        if verdict != ["ok"]:
            raise sqlite3.DatabaseError(
                "integrity check failed: " + "; ".join(v.replace("\n", " ") for v in verdict[:3])
            )
        mode = db.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")
        migrate(db, path)
    except sqlite3.Error as error:
        db.close()
        raise _store_error(path, error) from error
    except BaseException:
        db.close()
        raise
    return Store(db, path)
