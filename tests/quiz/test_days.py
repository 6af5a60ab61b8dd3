"""Study days, the review cap, new-card order and budgets, the counter, and the FSRS replay.

Pure functions with an injected clock and time zone: nothing here reads the real time.
"""

from __future__ import annotations

import random
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from fsrs import Card as FsrsCard
from fsrs import Rating
from fsrs import Scheduler as FsrsScheduler

from mlprep.decks.model import Card, Text
from mlprep.errors import UsageError
from mlprep.quiz.days import (
    STATE_REVIEW,
    DailyLimits,
    StudyDays,
    clock_from_env,
    daily_limits,
)
from mlprep.quiz.scheduler import STATE_LEARNING, Grade, Scheduler
from mlprep.quiz.session import QuizOptions, order_new_cards, plan_session, start_session
from mlprep.store import CardState, open_store

UTC = timezone.utc
DAYS = StudyDays(4, UTC)
EVENING = datetime(2026, 6, 10, 20, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def card(card_id: str, deck_id: str = "d") -> Card:
    return Card(
        deck_id=deck_id, id=card_id, type="basic", line=1, q=Text(plain="q"), a=Text(plain="a")
    )


def test_study_day_starts_at_the_rollover_hour() -> None:
    assert DAYS.day_of(datetime(2026, 6, 11, 3, 59, tzinfo=UTC)).isoformat() == "2026-06-10"
    assert DAYS.day_of(datetime(2026, 6, 11, 4, 0, tzinfo=UTC)).isoformat() == "2026-06-11"
    assert DAYS.start_of_today(EVENING) == datetime(2026, 6, 10, 4, tzinfo=UTC)
    assert StudyDays(0, UTC).day_of(datetime(2026, 6, 11, 0, 30, tzinfo=UTC)).day == 11


def test_a_one_day_review_answered_at_20_is_due_at_the_next_morning() -> None:
    """Again then Easy at 20:00 gives a review due 24 h later; it is due at 08:00 the next day."""
    scheduler = Scheduler(fuzz=True)  # fuzz never moves intervals this short
    state = scheduler.review("d", "a", None, Grade.AGAIN, EVENING)
    state = scheduler.review("d", "a", state, Grade.EASY, EVENING)
    assert state.state == STATE_REVIEW and state.due == (EVENING + timedelta(days=1)).timestamp()
    next_morning = datetime(2026, 6, 11, 8, 0, tzinfo=UTC)
    before_rollover = datetime(2026, 6, 11, 3, 0, tzinfo=UTC)
    assert DAYS.due_now(state.state, state.due, next_morning)
    assert not DAYS.due_now(state.state, state.due, before_rollover)
    assert state.due > next_morning.timestamp()  # the old rule (exact due time) said "not yet"
    states = {("d", "a"): state}
    plan = plan_session(
        [card("a")],
        states,
        now=next_morning,
        options=QuizOptions(),
        new_seen_today=0,
        rng=random.Random(0),
        days=DAYS,
    )
    assert [c.id for c in plan.queue] == ["a"]


def test_learning_steps_keep_their_exact_time() -> None:
    scheduler = Scheduler(fuzz=False)
    state = scheduler.review("d", "a", None, Grade.GOOD, EVENING)  # 10-minute step
    assert state.state == STATE_LEARNING
    assert not DAYS.due_now(state.state, state.due, EVENING + timedelta(minutes=9))
    assert DAYS.due_now(state.state, state.due, EVENING + timedelta(minutes=10))


def test_review_cap_keeps_the_most_overdue_first() -> None:
    now = datetime(2026, 6, 10, 9, 0, tzinfo=UTC)
    cards = [card(f"c{i}") for i in range(5)]
    states = {
        c.key: CardState("d", c.id, "{}", STATE_REVIEW, (now - timedelta(days=i)).timestamp())
        for i, c in enumerate(cards)
    }
    plan = plan_session(
        cards,
        states,
        now=now,
        options=QuizOptions(review_cap=3),
        new_seen_today=0,
        rng=random.Random(0),
        days=DAYS,
        reviewed_today=1,
    )
    assert [c.id for c in plan.queue] == ["c4", "c3"]  # 3 a day, 1 already done today
    assert (plan.reviews_due, plan.reviews_capped, plan.review_cap) == (5, 3, 3)


def decks_of(count: int, size: int) -> list[Card]:
    return [card(f"{d}-{i}", deck_id=f"deck{d}") for d in range(count) for i in range(size)]


def test_new_cards_interleave_across_decks_reproducibly() -> None:
    cards = decks_of(6, 10)
    mixed = order_new_cards(cards, "mixed", random.Random(7))
    first = mixed[:12]
    assert len({c.deck_id for c in first[:6]}) == 6  # one from every deck before any repeats
    for deck in {c.deck_id for c in cards}:  # within a deck: the author's order
        ids = [c.id for c in mixed if c.deck_id == deck]
        assert ids == sorted(ids, key=lambda i: int(i.split("-")[1]))
    assert order_new_cards(cards, "mixed", random.Random(7)) == mixed
    assert [c.deck_id for c in order_new_cards(cards, "deck", random.Random(7))[:10]] == [
        "deck0"
    ] * 10
    shuffled = order_new_cards(cards, "random", random.Random(7))
    assert sorted(c.id for c in shuffled) == sorted(c.id for c in cards) and shuffled != cards


def test_new_budget_daily_and_per_session() -> None:
    cards = decks_of(3, 10)
    common = dict(states={}, now=EVENING, rng=random.Random(1), days=DAYS)
    daily = plan_session(cards, options=QuizOptions(new_per_day=20), new_seen_today=18, **common)  # type: ignore[arg-type]
    assert (len(daily.queue), daily.new_budget, daily.new_available) == (2, 2, 30)
    session = plan_session(
        cards,
        options=QuizOptions(new_per_day=20, new_this_session=5),
        new_seen_today=20,
        **common,  # type: ignore[arg-type]
    )
    assert len(session.queue) == 5 and session.session_new == 5


def test_limits_from_settings_and_environment(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        assert daily_limits(store, {}) == DailyLimits(20, 200, 4)
        store.set_setting("new-per-day", "7")
        store.set_setting("review-cap", "50")
        store.set_setting("rollover-hour", "5")
        assert daily_limits(store, {}) == DailyLimits(7, 50, 5)
        assert daily_limits(store, {"MLPREP_ROLLOVER_HOUR": "0"}).rollover_hour == 0
        with pytest.raises(
            UsageError, match="MLPREP_ROLLOVER_HOUR must be a whole number from 0 to 23, not '24'"
        ):
            daily_limits(store, {"MLPREP_ROLLOVER_HOUR": "24"})
    fixed = clock_from_env({"MLPREP_NOW": "2026-06-10T20:00:00+00:00"})
    assert fixed() == EVENING
    with pytest.raises(UsageError, match="MLPREP_NOW must be an ISO date"):
        clock_from_env({"MLPREP_NOW": "tonight"})


def test_counter_counts_down_and_counts_cards_coming_back(tmp_path: Path) -> None:
    clock = Clock(EVENING)
    cards = [card("a"), card("b"), card("c")]
    with open_store(tmp_path / "s.db") as store:
        session = start_session(
            store, cards, QuizOptions(), clock=clock, scheduler=Scheduler(fuzz=False), tz=UTC
        )
        assert session.left() == (3, 0)
        session.record(cards[0], Grade.GOOD)  # a learning step: it comes back this session
        assert session.left() == (2, 1)
        session.undo()  # taken back: a card not yet shown again
        assert session.left() == (3, 0)
        session.record(cards[0], Grade.GOOD)
        assert session.left() == (2, 1)
        session.record(cards[1], Grade.EASY)  # graduates: gone for today
        assert session.left() == (1, 1)
        session.undo()
        assert session.left() == (2, 1)
        session.record(cards[1], Grade.EASY)
        session.record(cards[2], Grade.EASY)
        assert session.left() == (0, 1)
        clock.now += timedelta(minutes=10)
        session.record(cards[0], Grade.GOOD)  # second step done: graduates
        assert session.left() == (0, 0) and session.next_card() is None
        summary = session.summary()
        assert (summary.remaining, summary.coming_back, summary.answered) == (0, 0, 4)


def test_replaying_the_review_log_through_plain_fsrs_matches_bit_for_bit(tmp_path: Path) -> None:
    """Study days, caps and the interview deadline decide *when* cards are shown; the FSRS
    state stored after each answer is still exactly what py-fsrs computes from the log."""
    from mlprep.quiz.plan import interview_deadline

    rng = random.Random(3)
    cards = decks_of(3, 4)
    clock = Clock(EVENING)
    deadline = interview_deadline((EVENING + timedelta(days=20)).date())
    with open_store(tmp_path / "s.db") as store:
        for day in range(12):
            clock.now = EVENING + timedelta(days=day, minutes=rng.randint(-600, 200))
            session = start_session(
                store,
                cards,
                QuizOptions(seed=day, review_cap=5),
                clock=clock,
                scheduler=Scheduler(deadline=deadline),
                tz=UTC,
                limits=DailyLimits(new_per_day=3, review_cap=5),
            )
            while (current := session.next_card()) is not None:
                session.record(current, Grade(rng.choice([1, 2, 3, 3, 4])))
                clock.now += timedelta(minutes=rng.randint(1, 15))
            if day % 4 == 1 and session.history:
                session.undo()
        log = [r for r in store.reviews() if r.mode == "review"]
        assert len(log) > 40
    plain = FsrsScheduler()
    replayed: dict[tuple[str, str], FsrsCard] = {}
    for review in log:
        key = (review.deck_id, review.card_id)
        at = datetime.fromtimestamp(review.reviewed_at, tz=UTC)
        before = replayed.get(key) or FsrsCard(
            card_id=zlib.crc32(f"{key[0]}/{key[1]}".encode()), due=at
        )
        if review.state_before is not None:
            assert FsrsCard.from_json(review.state_before).stability == before.stability
        after, _ = plain.review_card(before, Rating(review.rating), review_datetime=at)
        stored = FsrsCard.from_json(review.state_after or "")
        assert (stored.stability, stored.difficulty, stored.state, stored.step) == (
            after.stability,
            after.difficulty,
            after.state,
            after.step,
        ), review
        replayed[key] = after  # a pure replay: only the log's ratings and times go in
