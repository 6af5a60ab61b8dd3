"""Scheduling, queue planning, recording and undo, with an injected clock and no fuzz."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from mlprep.decks.model import Card, Text
from mlprep.quiz.scheduler import STATE_LEARNING, Grade, Scheduler
from mlprep.quiz.session import QuizOptions, QuizSession, plan_queue, start_session
from mlprep.store import CardState, open_store

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def card(card_id: str, deck_id: str = "d") -> Card:
    return Card(
        deck_id=deck_id, id=card_id, type="basic", line=1, q=Text(plain="q"), a=Text(plain="a")
    )


def test_scheduler_is_deterministic_without_fuzz() -> None:
    scheduler = Scheduler(fuzz=False)
    first = scheduler.review("d", "a", None, Grade.GOOD, T0)
    again = scheduler.review("d", "a", None, Grade.GOOD, T0)
    assert first == again
    assert first.state == STATE_LEARNING
    assert first.due > T0.timestamp()
    later = scheduler.review("d", "a", first, Grade.EASY, T0 + timedelta(minutes=10))
    assert later.due - T0.timestamp() > 86400  # easy graduates to days


def test_plan_queue_due_first_then_new_within_budget() -> None:
    cards = [card(c) for c in "abcde"]
    states = {
        ("d", "c"): CardState("d", "c", "{}", 2, T0.timestamp() - 10),
        ("d", "a"): CardState("d", "a", "{}", 2, T0.timestamp() - 100),
        ("d", "e"): CardState("d", "e", "{}", 2, T0.timestamp() + 86400),  # tomorrow: not due
    }
    queue = plan_queue(
        cards,
        states,
        now=T0,
        options=QuizOptions(new_per_day=5),
        new_seen_today=4,
        rng=random.Random(0),
    )
    assert [c.id for c in queue] == ["a", "c", "b"]  # oldest due first; one new card left today
    limited = plan_queue(
        cards, states, now=T0, options=QuizOptions(limit=1), new_seen_today=0, rng=random.Random(0)
    )
    assert [c.id for c in limited] == ["a"]
    cram = plan_queue(
        cards,
        states,
        now=T0,
        options=QuizOptions(mode="cram"),
        new_seen_today=0,
        rng=random.Random(0),
    )
    assert sorted(c.id for c in cram) == list("abcde")


def new_session(
    tmp_path: Path, cards: list[Card], clock: Clock, mode: str = "review"
) -> QuizSession:
    store = open_store(tmp_path / "s.db")
    return start_session(
        store, cards, QuizOptions(mode=mode), clock=clock, scheduler=Scheduler(fuzz=False)
    )  # type: ignore[arg-type]


def test_record_commits_and_undo_restores_exactly(tmp_path: Path) -> None:
    clock = Clock(T0)
    a, b = card("a"), card("b")
    session = new_session(tmp_path, [a, b], clock)
    session.record(a, Grade.GOOD)
    first_state = session.store.card_state("d", "a")
    assert first_state is not None
    clock.now = T0 + timedelta(minutes=30)
    assert session.next_card() == b
    session.record(b, Grade.AGAIN)
    # second answer to `a` (re-queued learning card), then undo it
    assert session.next_card() == a
    session.record(a, Grade.EASY)
    assert session.store.review_count() == 3
    undone = session.undo()
    assert undone == a
    assert session.store.card_state("d", "a") == first_state  # restored byte for byte
    assert session.store.review_count() == 2
    assert session.next_card() == a  # shown again
    # undo of a first answer removes the card state entirely
    session.undo()
    assert session.store.card_state("d", "b") is None
    session.undo()
    assert session.store.card_states() == {}
    assert session.store.review_count() == 0
    assert session.undo() is None


def test_undo_refused_when_another_session_answered_after(tmp_path: Path) -> None:
    clock = Clock(T0)
    a = card("a")
    one = new_session(tmp_path, [a], clock)
    two = new_session(tmp_path, [a], clock)
    one.record(a, Grade.GOOD)
    two.record(a, Grade.GOOD)
    reviews = one.store.reviews()
    assert reviews[1].state_before == reviews[0].state_after  # the second built on the first
    from mlprep.errors import StoreError

    with pytest.raises(StoreError, match="was answered again in another session"):
        one.undo()
    assert one.store.review_count() == 2


def test_cram_logs_without_touching_schedule(tmp_path: Path) -> None:
    clock = Clock(T0)
    a = card("a")
    session = new_session(tmp_path, [a], clock, mode="cram")
    session.record(a, Grade.AGAIN)
    assert session.store.card_states() == {}
    (review,) = session.store.reviews()
    assert review.mode == "cram" and review.state_after is None
    assert session.next_card() is None  # cram does not re-queue


def test_summary_counts(tmp_path: Path) -> None:
    clock = Clock(T0)
    cards = [card("a"), card("b"), card("c")]
    session = new_session(tmp_path, cards, clock)
    session.record(cards[0], Grade.GOOD, correct=True)
    session.record(cards[1], Grade.AGAIN, correct=False)
    session.skip(cards[2])
    clock.now = T0 + timedelta(seconds=75)
    summary = session.summary()
    assert (summary.answered, summary.correct, summary.skipped) == (2, 1, 1)
    assert summary.seconds == 75
    assert summary.next_due is not None and summary.next_due > T0


def test_daily_new_budget_counts_earlier_sessions(tmp_path: Path) -> None:
    clock = Clock(T0)
    cards = [card(str(i)) for i in range(30)]
    first = new_session(tmp_path, cards, clock)
    assert len(first.queue) == 20
    for c in cards[:5]:
        first.record(c, Grade.EASY)
    second = start_session(
        first.store, cards, QuizOptions(), clock=clock, scheduler=Scheduler(fuzz=False)
    )
    assert len([c for c in second.queue if second.store.card_state(c.deck_id, c.id) is None]) == 15
