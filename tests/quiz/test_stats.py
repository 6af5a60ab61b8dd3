"""Stats from a store with a known history (injected clock)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from mlprep.decks.model import Card, Deck, Text
from mlprep.stats import compute_stats
from mlprep.store import open_store

NOW = datetime(2026, 5, 20, 15, 0).astimezone()


def deck() -> Deck:
    cards = tuple(
        Card(deck_id="d", id=f"c{i}", type="basic", line=1, q=Text(plain="q"), a=Text(plain="a"))
        for i in range(3)
    )
    return Deck("d", Text(plain="D"), Path("d.yaml"), cards, topic="t")


def log(path: Path, when: datetime, rating: int = 3, state_before: str | None = None) -> None:
    db = sqlite3.connect(path)
    db.execute(
        "INSERT INTO reviews (deck_id, card_id, rating, mode, reviewed_at, state_before) VALUES ('d', 'c0', ?, 'review', ?, ?)",
        (rating, when.timestamp(), state_before),
    )
    db.commit()
    db.close()


def test_streak_heatmap_and_weekly_retention(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(path).close()
    review_state = '{"state": 2}'
    for days_ago in (1, 2, 3, 5):  # yesterday, 2 and 3 days ago, then a gap
        log(path, NOW - timedelta(days=days_ago), state_before=review_state)
    log(path, NOW - timedelta(days=1, hours=1), rating=1, state_before=review_state)
    with open_store(path) as store:
        stats = compute_stats(store, [deck()], NOW)
    assert stats.streak_days == 3  # nothing yet today: the streak runs to yesterday
    yesterday = (NOW - timedelta(days=1)).date().isoformat()
    assert stats.heatmap[yesterday] == 2
    assert sum(stats.heatmap.values()) == 5
    assert stats.retention == 4 / 5 and stats.retention_sample == 5
    assert sum(w.total for w in stats.retention_by_week) == 5
    assert all(
        datetime.fromisoformat(w.week).weekday() == 0 for w in stats.retention_by_week
    )  # Mondays
    assert stats.topics["t"].new == 3 and stats.readiness["t"] == 0.0


def test_streak_counts_today(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(path).close()
    for days_ago in (0, 1):
        log(path, NOW - timedelta(days=days_ago))
    with open_store(path) as store:
        assert compute_stats(store, [deck()], NOW).streak_days == 2
