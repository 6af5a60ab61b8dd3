"""The store refuses what it cannot read safely, never overwrites it, and upgrades older schemas."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mlprep import store_schema as store_module
from mlprep.errors import StoreError
from mlprep.store import open_store


def test_creates_wal_store_with_schema(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "mlprep.db"
    with open_store(path) as store:
        assert store.review_count() == 0
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == store_module.SCHEMA_VERSION


def test_corrupt_store_is_reported_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "mlprep.db"
    garbage = b"this is not a database, it is my diary" * 100
    path.write_bytes(garbage)
    with pytest.raises(
        StoreError, match=r"cannot be read .*file is not a database.*left untouched"
    ):
        open_store(path)
    assert path.read_bytes() == garbage


def test_truncated_store_is_reported_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "mlprep.db"
    with open_store(path) as store:
        store.record_kata_attempt("auc", "pass", 3, 0, 1, __import__("datetime").datetime.now())
    data = path.read_bytes()
    path.write_bytes(data[:1000])
    with pytest.raises(StoreError, match="cannot be read"), open_store(path) as broken:
        broken.kata_attempts()
    assert path.read_bytes() == data[:1000]


def test_newer_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mlprep.db"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(StoreError, match="written by a newer mlprep \\(schema 99"):
        open_store(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 99


def test_read_only_store_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's own read-only error (root ignores chmod, so open the file with mode=ro)."""
    path = tmp_path / "mlprep.db"
    with open_store(path) as store:
        store.record_kata_attempt("auc", "pass", 3, 0, 1, __import__("datetime").datetime.now())
    before = path.read_bytes()
    real_connect = sqlite3.connect

    def read_only_connect(target: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        kwargs.pop("uri", None)
        return real_connect(f"file:{target}?mode=ro", *args, uri=True, **kwargs)  # type: ignore[misc]

    monkeypatch.setattr(sqlite3, "connect", read_only_connect)
    with pytest.raises(StoreError, match="is read-only") as raised, open_store(path) as store:
        store.record_kata_attempt("auc", "fail", 0, 3, 1, __import__("datetime").datetime.now())
    assert "MLPREP_HOME" in (raised.value.hint or "")
    monkeypatch.undo()
    assert path.read_bytes() == before


def test_store_path_that_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder, not a file"):
        open_store(tmp_path)


def test_older_schema_upgrades_in_place_with_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "mlprep.db"
    with open_store(path) as store:
        store.record_kata_attempt("auc", "pass", 3, 0, 1, __import__("datetime").datetime.now())
    current = store_module.SCHEMA_VERSION
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", current + 1)
    monkeypatch.setitem(
        store_module.MIGRATIONS, current + 1, "ALTER TABLE kata_attempts ADD COLUMN note TEXT"
    )
    with open_store(path) as store:
        assert len(store.kata_attempts()) == 1
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == current + 1
    assert "note" in [row[1] for row in db.execute("PRAGMA table_info(kata_attempts)")]
    backup = tmp_path / f"mlprep.db.v{current}.bak"
    assert sqlite3.connect(backup).execute("PRAGMA user_version").fetchone()[0] == current


def test_real_version_1_store_upgrades_with_backup(tmp_path: Path) -> None:
    """A store written by mlprep 0.1 (schema 1) gains settings and exams, keeps every answer."""
    path = tmp_path / "mlprep.db"
    db = sqlite3.connect(path)
    db.executescript(store_module.MIGRATIONS[1])
    db.execute(
        "INSERT INTO reviews (deck_id, card_id, rating, mode, reviewed_at) VALUES ('d', 'c', 3, 'review', 1.0)"
    )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with open_store(path) as store:
        assert store.review_count() == 1
        store.set_setting("interview_date", "2027-01-15")
        assert store.setting("interview_date") == "2027-01-15"
    backup = sqlite3.connect(tmp_path / "mlprep.db.v1.bak")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 1


def test_kata_attempts_round_trip(tmp_path: Path) -> None:
    from datetime import datetime, timezone

    at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    with open_store(tmp_path / "s.db") as store:
        store.record_kata_attempt("wildcard", "fail", 10, 2, 42, at)
        (attempt,) = store.kata_attempts()
    assert (
        attempt.kata,
        attempt.status,
        attempt.passed,
        attempt.failed,
        attempt.seed,
        attempt.at,
    ) == (
        "wildcard",
        "fail",
        10,
        2,
        42,
        at,
    )
