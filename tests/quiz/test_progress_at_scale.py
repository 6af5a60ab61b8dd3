"""The fast paths behind stats, plan, deck list, exam and the quiz queue agree with the plain rules.

Each fast path (day boundaries by binary search, recall from stored columns,
planning over due and new cards only, decks as an index) is compared with the
plain rule it replaces on many random inputs; and commands over a cached deck
are checked to build only the cards they show.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlprep.decks import loader
from mlprep.decks.cache import DeckCache
from mlprep.decks.catalog import CardFilter, select_cards
from mlprep.decks.loader import load_deck
from mlprep.decks.model import Card, Deck, Text
from mlprep.quiz.days import StudyDays
from mlprep.quiz.exam import draw_questions, topic_weakness
from mlprep.quiz.plan import build_plan
from mlprep.quiz.progress import DueCalendar, RecallModel, schedules_by_key
from mlprep.quiz.scheduler import Grade, Scheduler
from mlprep.quiz.session import ORDERS, QuizOptions, plan_session, start_session
from mlprep.stats import compute_stats, deck_rows
from mlprep.store import CardState, Review, ScheduledAnswer, Store, open_store

ZONES = ("UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe")
BASE = datetime(2026, 1, 1, tzinfo=timezone.utc).timestamp()
YEAR = 366 * 86_400.0


@settings(max_examples=300, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    rollover=st.integers(0, 23),
    now=st.floats(0, YEAR),
    offset=st.floats(-40 * 86_400.0, 40 * 86_400.0),
    state=st.sampled_from([1, 2, 3]),
)
def test_due_calendar_agrees_with_study_days(
    zone: str, rollover: int, now: float, offset: float, state: int
) -> None:
    """Across DST changes and half-hour zones: same due day and due-now as `StudyDays`."""
    days = StudyDays(rollover, ZoneInfo(zone))
    moment = datetime.fromtimestamp(BASE + now, tz=timezone.utc)
    due = BASE + now + offset
    calendar = DueCalendar(days, moment, 30)
    assert calendar.due_now(state, due) == days.due_now(state, due, moment)
    assert calendar.due_day(state, due) == min(30, days.due_day(state, due, moment))


@settings(max_examples=200, deadline=None)
@given(
    grades=st.lists(st.sampled_from(list(Grade)), min_size=1, max_size=8),
    gaps=st.lists(st.floats(60.0, 90 * 86_400.0), min_size=8, max_size=8),
    later=st.floats(0, 400 * 86_400.0),
)
def test_recall_from_columns_is_fsrs_retrievability(
    tmp_path_factory: pytest.TempPathFactory,
    grades: list[Grade],
    gaps: list[float],
    later: float,
) -> None:
    scheduler = Scheduler(fuzz=False)
    at = datetime(2026, 1, 1, tzinfo=timezone.utc)
    state = None
    for grade, gap in zip(grades, gaps, strict=False):
        at += timedelta(seconds=gap)
        state = scheduler.review("d", "c", state, grade, at)
    assert state is not None
    store = open_store(tmp_path_factory.mktemp("recall") / "mlprep.db")
    with store:
        store.answer("d", "c", lambda _current: _scheduled(state))
        (schedule,) = store.card_schedules()["d"].values()
    moment = at + timedelta(seconds=later)
    assert RecallModel().recall(schedule, moment.timestamp()) == pytest.approx(
        scheduler.retrievability(state, moment), abs=1e-12
    )


def _scheduled(state: CardState) -> ScheduledAnswer:
    """Store `state` as the answer's outcome (the state was computed beforehand)."""
    review = Review(state.deck_id, state.card_id, 3, "review", 0.0, state_after=state.fsrs)
    return ScheduledAnswer(review, state)


def deck_file(folder: Path, deck_id: str, cards: int, rng: random.Random) -> Path:
    lines = [f"id: {deck_id}", f"title: {deck_id}", f"topic: t{rng.randrange(2)}", "cards:"]
    for i in range(cards):
        kind = rng.choice(["basic", "typed", "mcq"])
        tag = f"g{rng.randrange(3)}"
        if kind == "basic":
            lines.append(f"  - {{id: c{i}, q: question {i}, a: answer {i}, tags: [{tag}]}}")
        elif kind == "typed":
            lines.append(
                f"  - {{id: c{i}, type: typed, q: question {i}, answer: [a{i}], tags: [{tag}]}}"
            )
        else:
            lines.append(
                f"  - {{id: c{i}, type: mcq, q: question {i}, choices: [one, two], answer: 0,"
                f" tags: [{tag}]}}"
            )
    path = folder / f"{deck_id}.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def scheduled_answer(
    scheduler: Scheduler, deck_id: str, card_id: str, grade: Grade, at: datetime
) -> Callable[[CardState | None], ScheduledAnswer]:
    """What `Store.answer` needs to record `grade` at `at`, as the quiz records it."""

    def schedule(current: CardState | None) -> ScheduledAnswer:
        new = scheduler.review(deck_id, card_id, current, grade, at)
        review = Review(
            deck_id,
            card_id,
            int(grade),
            "review",
            at.timestamp(),
            state_before=current.fsrs if current else None,
            state_after=new.fsrs,
        )
        return ScheduledAnswer(review, new)

    return schedule


def studied_store(path: Path, decks: list[Deck], now: datetime, rng: random.Random) -> Store:
    """A store where about half the cards have a history of 1-6 answers over 90 days."""
    store = open_store(path)
    scheduler = Scheduler(fuzz=False)
    for deck in decks:
        for card_id in deck.cards.ids:
            if rng.random() < 0.5:
                continue
            at = now - timedelta(days=rng.uniform(1, 90))
            for _ in range(rng.randint(1, 6)):
                grade = rng.choice(list(Grade))
                store.answer(
                    deck.id, card_id, scheduled_answer(scheduler, deck.id, card_id, grade, at)
                )
                at += timedelta(hours=rng.uniform(0.1, 200))
                if at >= now:
                    break
    return store


@pytest.fixture
def cached_decks(tmp_path: Path) -> tuple[list[Deck], Path]:
    rng = random.Random(17)
    folder = tmp_path / "decks"
    folder.mkdir()
    files = [deck_file(folder, f"deck{n}", rng.randint(5, 40), rng) for n in range(4)]
    cache = DeckCache(tmp_path / "cache")
    for file in files:
        load_deck(file, cache)  # fills the cache
    loader._checked.clear()
    return [load_deck(file, cache) for file in files], tmp_path


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_queue_from_due_and_new_cards_equals_planning_over_every_card(
    cached_decks: tuple[list[Deck], Path], seed: int
) -> None:
    decks, tmp_path = cached_decks
    rng = random.Random(seed)
    now = datetime(2026, 6, 10, 20, 0, tzinfo=timezone.utc)
    days = StudyDays(4, timezone.utc)
    store = studied_store(tmp_path / f"s{seed}.db", decks, now, rng)
    with store:
        for _ in range(6):
            options = QuizOptions(
                order=rng.choice(ORDERS),
                seed=rng.randrange(1000),
                limit=rng.choice([None, 5, 30]),
                new_per_day=rng.choice([0, 3, 20]),
                review_cap=rng.choice([0, 10, 200]),
            )
            chosen = select_cards(decks, CardFilter(tags=tuple(rng.sample(["g0", "g1", "g2"], 2))))
            start = days.start_of_today(now).timestamp()
            expected = plan_session(
                [handle.resolve() for handle in chosen],
                store.card_states(),
                now=now,
                options=options,
                new_seen_today=store.new_cards_since(start),
                reviewed_today=store.reviewed_cards_since(start),
                rng=random.Random(options.seed),
                days=days,
            )
            session = start_session(store, chosen, options, clock=lambda: now, tz=timezone.utc)
            assert [c.key for c in session.queue] == [c.key for c in expected.queue]
            assert session.plan is not None
            assert session.plan.new_available == expected.new_available
            assert session.plan.reviews_due == expected.reviews_due


def built(decks: list[Deck]) -> int:
    return sum(card is not None for deck in decks for card in deck.cards._built)


def test_commands_over_cached_decks_build_only_the_cards_they_show(
    cached_decks: tuple[list[Deck], Path],
) -> None:
    """Counting and planning read the index; only shown cards are built from the cache."""
    decks, tmp_path = cached_decks
    now = datetime(2026, 6, 10, 20, 0, tzinfo=timezone.utc)
    days = StudyDays(4, timezone.utc)
    cards_total = sum(len(d.cards) for d in decks)
    with studied_store(tmp_path / "s.db", decks, now, random.Random(5)) as store:
        stats = compute_stats(store, decks, now, days=days)
        rows = deck_rows(store, decks, now, "en", days=days)
        plan = build_plan(store, decks, now, days=days)
        weakness = topic_weakness(store, decks, now)
        chosen = select_cards(decks, CardFilter())
        assert built(decks) == 0
        assert stats.cards_total == cards_total == sum(r.cards for r in rows)
        assert plan.new_cards == sum(r.new for r in rows)
        assert set(weakness) == {d.topic for d in decks}
        session = start_session(
            store, chosen, QuizOptions(limit=7, seed=1), clock=lambda: now, tz=timezone.utc
        )
        assert built(decks) == len(session.queue) == 7
        picked = draw_questions(decks, weakness, 4, random.Random(2))
        assert built(decks) <= 7 + 4
        assert all(card.gradable for _topic, card in picked)
        assert schedules_by_key(store).keys() == store.card_states().keys()


@pytest.mark.parametrize("zone", ["UTC", "America/New_York"])
def test_a_due_time_exactly_at_a_study_day_start_belongs_to_that_day(zone: str) -> None:
    days = StudyDays(4, ZoneInfo(zone))
    now = datetime(2026, 3, 7, 20, 0, tzinfo=timezone.utc)  # New York's DST starts the next night
    calendar = DueCalendar(days, now, 5)
    today = days.day_of(now)
    for ahead in range(1, 5):
        start = days.start(today + timedelta(days=ahead)).timestamp()
        for due in (start - 0.001, start, start + 0.001):
            assert calendar.due_day(2, due) == days.due_day(2, due, now)
    assert calendar.due_now(2, days.start(today + timedelta(days=1)).timestamp() - 0.001)
    assert not calendar.due_now(2, days.start(today + timedelta(days=1)).timestamp())


def test_a_review_due_later_tonight_is_in_the_queue(tmp_path: Path) -> None:
    """Due at 23:00, asked at 20:00: the study day lasts until 04:00, so it is due now."""
    scheduler = Scheduler(fuzz=False)
    evening = datetime(2026, 6, 10, 23, 0, tzinfo=timezone.utc) - timedelta(days=1)
    state = scheduler.review("d", "late", None, Grade.AGAIN, evening)
    state = scheduler.review("d", "late", state, Grade.EASY, evening)  # due in exactly 1 day
    deck = Deck(
        "d",
        Text(plain="D"),
        tmp_path,
        (Card("d", "late", "basic", 1), Card("d", "new", "basic", 2)),
    )
    with open_store(tmp_path / "s.db") as store:
        store.answer("d", "late", lambda _current: _scheduled(state))
        now = datetime(2026, 6, 10, 20, 0, tzinfo=timezone.utc)
        assert state.due > now.timestamp()
        session = start_session(
            store,
            select_cards([deck], CardFilter()),
            QuizOptions(),
            clock=lambda: now,
            tz=timezone.utc,
        )
        assert [card.id for card in session.queue] == ["late", "new"]
