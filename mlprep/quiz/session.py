"""A quiz session: which cards, in what order, and what each answer does to the store.

The session owns no terminal: the UI asks it for the next card, tells it the
grade, and can undo. Every answer is committed before `record` returns.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from itertools import islice, zip_longest
from typing import Generic, Literal, Protocol, TypeVar

from mlprep.bulk import bulk_build
from mlprep.decks.model import Card, CardHandle, resolve_all
from mlprep.quiz.days import (
    DEFAULT_NEW_PER_DAY,
    DEFAULT_REVIEW_CAP,
    STATE_REVIEW,
    Clock,
    DailyLimits,
    StudyDays,
    daily_limits,
    utc_now,
)
from mlprep.quiz.plan import scheduler_for
from mlprep.quiz.progress import schedules_by_key
from mlprep.quiz.scheduler import Grade, Scheduler, restore_state
from mlprep.store import CardState, Review, Schedule, ScheduledAnswer, Store

__all__ = ["DEFAULT_NEW_PER_DAY", "Clock", "utc_now"]

Mode = Literal["review", "cram"]
Order = Literal["mixed", "deck", "random"]
ORDERS: tuple[Order, ...] = ("mixed", "deck", "random")
LEARN_AHEAD = timedelta(
    minutes=20
)  # like Anki: a card due within 20 minutes comes back this session


@dataclass(frozen=True)
class QuizOptions:
    mode: Mode = "review"
    limit: int | None = None
    new_per_day: int | None = None  # the daily new-card limit (None: the user's setting)
    new_this_session: int | None = None  # --new N: up to N new cards now, whatever today's count
    review_cap: int | None = None  # reviews a day at most (None: the user's setting)
    order: Order = "mixed"
    seed: int | None = None


H = TypeVar("H", bound=CardHandle)


class Scheduled(Protocol):
    """What planning needs of a card's progress (a store `CardState` or `Schedule`)."""

    @property
    def state(self) -> int: ...

    @property
    def due(self) -> float: ...


@dataclass(frozen=True)
class QueuePlan(Generic[H]):
    """The session's queue and the numbers that explain what was left out of it."""

    queue: list[H]
    new_available: int = 0  # never-seen cards in the selection
    new_taken: int = 0
    new_budget: int = 0
    new_per_day: int = DEFAULT_NEW_PER_DAY
    new_seen_today: int = 0
    session_new: int | None = None  # --new N, when given
    reviews_due: int = 0  # review cards due today, before the cap
    reviews_capped: int = 0  # due review cards the cap left out
    review_cap: int = DEFAULT_REVIEW_CAP
    cut_by_limit: int = 0  # cards --limit left out


def order_new_cards(
    cards: Sequence[H], order: Order, rng: random.Random, limit: int | None = None
) -> list[H]:
    """New cards in study order, the first `limit` of them: `mixed` takes one card from each
    deck in turn (the decks' turn order drawn from `rng`), `deck` keeps deck after deck,
    `random` shuffles them all. Within a deck, mixed and deck keep the author's order
    (basic to advanced)."""
    if order == "deck":
        return list(cards[:limit])
    if order == "random":
        shuffled = list(cards)
        rng.shuffle(shuffled)
        return shuffled[:limit]
    by_deck: dict[str, list[H]] = {}
    for card in cards:
        by_deck.setdefault(card.deck_id, []).append(card)
    decks = sorted(by_deck)
    rng.shuffle(decks)
    turns = zip_longest(*(by_deck[d] for d in decks))  # round by round, one card per deck
    mixed = (card for turn in turns for card in turn if card is not None)
    return list(islice(mixed, limit))


def plan_queue(
    cards: Sequence[H],
    states: Mapping[tuple[str, str], Scheduled],
    *,
    now: datetime,
    options: QuizOptions,
    new_seen_today: int,
    rng: random.Random,
    days: StudyDays | None = None,
    reviewed_today: int = 0,
) -> list[H]:
    """The queue alone (see `plan_session`)."""
    return plan_session(
        cards,
        states,
        now=now,
        options=options,
        new_seen_today=new_seen_today,
        rng=rng,
        days=days,
        reviewed_today=reviewed_today,
    ).queue


@bulk_build
def plan_session(
    cards: Sequence[H],
    states: Mapping[tuple[str, str], Scheduled],
    *,
    now: datetime,
    options: QuizOptions,
    new_seen_today: int,
    rng: random.Random,
    days: StudyDays | None = None,
    reviewed_today: int = 0,
) -> QueuePlan[H]:
    """Learning steps due now and today's reviews (most overdue first, up to the cap), then
    new cards in `options.order` up to the new-card budget, then `--limit`."""
    days = days or StudyDays()
    if options.mode == "cram":
        queue = list(cards)
        rng.shuffle(queue)
        kept = queue if options.limit is None else queue[: options.limit]
        return QueuePlan(kept, cut_by_limit=len(queue) - len(kept))
    stamp = now.timestamp()
    review_due_before = days.end_of_today(now).timestamp()  # review cards: by study day
    learning: list[H] = []
    reviews: list[H] = []
    new: list[H] = []
    for card in cards:
        state = states.get(card.key)
        if state is None:
            new.append(card)
        elif state.state == STATE_REVIEW:
            if state.due < review_due_before:
                reviews.append(card)
        elif state.due <= stamp:
            learning.append(card)
    reviews.sort(key=lambda c: states[c.key].due)
    review_cap = DEFAULT_REVIEW_CAP if options.review_cap is None else options.review_cap
    new_per_day = DEFAULT_NEW_PER_DAY if options.new_per_day is None else options.new_per_day
    allowed_reviews = max(0, review_cap - reviewed_today)
    kept_reviews = reviews[:allowed_reviews]
    due = sorted(learning + kept_reviews, key=lambda c: states[c.key].due)
    if options.new_this_session is not None:
        budget = options.new_this_session
    else:
        budget = max(0, new_per_day - new_seen_today)
    fresh = order_new_cards(new, options.order, rng, budget)
    queue = due + fresh
    kept = queue if options.limit is None else queue[: options.limit]
    return QueuePlan(
        kept,
        new_available=len(new),
        new_taken=len([c for c in kept if c.key not in states]),
        new_budget=budget,
        new_per_day=new_per_day,
        new_seen_today=new_seen_today,
        session_new=options.new_this_session,
        reviews_due=len(reviews),
        reviews_capped=len(reviews) - len(kept_reviews),
        review_cap=review_cap,
        cut_by_limit=len(queue) - len(kept),
    )


@dataclass
class AnswerRecord:
    card: Card
    review: Review
    requeued: bool
    was_comeback: bool = False


@dataclass
class Summary:
    answered: int
    correct: int
    skipped: int
    seconds: float
    next_due: datetime | None
    remaining: int  # cards not yet shown this session
    coming_back: int = 0  # learning/relearning cards queued to come back this session


SCHEDULES_READ_ONE_BY_ONE = 2_000  # up to this many session cards, the summary asks per card


@dataclass
class QuizSession:
    store: Store
    scheduler: Scheduler
    queue: list[Card]
    mode: Mode = "review"
    clock: Clock = utc_now
    session_id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    history: list[AnswerRecord] = field(default_factory=list)
    skipped: int = 0
    plan: QueuePlan[CardHandle] | None = None
    days: StudyDays = field(default_factory=StudyDays)

    def __post_init__(self) -> None:
        self.started = self.clock()
        self.cards = {card.key: card for card in self.queue}
        self.comebacks: set[tuple[str, str]] = set()  # queue entries that are a card coming back

    def next_card(self) -> Card | None:
        return self.queue[0] if self.queue else None

    def left(self) -> tuple[int, int]:
        """(cards not yet shown, cards coming back), the card on screen included.

        The first number goes down with every answer; a learning or relearning
        card that will be asked again this session moves to the second.
        """
        back = sum(1 for card in self.queue if card.key in self.comebacks)
        return len(self.queue) - back, back

    def record(
        self,
        card: Card,
        grade: Grade,
        *,
        correct: bool | None = None,
        duration_ms: int | None = None,
    ) -> Review:
        """Commit one answer (schedule + log) and advance; returns the stored log row."""
        now = self.clock()

        def schedule(current: CardState | None) -> ScheduledAnswer:
            new_state = None
            if self.mode == "review":
                new_state = self.scheduler.review(
                    card.deck_id, card.id, current, grade, now, duration_ms
                )
            review = Review(
                deck_id=card.deck_id,
                card_id=card.id,
                rating=int(grade),
                mode=self.mode,
                reviewed_at=now.timestamp(),
                duration_ms=duration_ms,
                correct=correct,
                state_before=current.fsrs if current else None,
                state_after=new_state.fsrs if new_state else None,
                session_id=self.session_id,
            )
            return ScheduledAnswer(review, new_state)

        review = self.store.answer(card.deck_id, card.id, schedule)
        was_comeback = card.key in self.comebacks
        self._remove_front(card)
        requeued = False
        if self.mode == "review" and review.state_after is not None:
            due = restore_state(card.deck_id, card.id, review.state_after).due
            if due <= (now + LEARN_AHEAD).timestamp():
                self.queue.append(card)
                self.comebacks.add(card.key)
                requeued = True
        self.history.append(AnswerRecord(card, review, requeued, was_comeback))
        return review

    def skip(self, card: Card) -> None:
        """Leave the card for another day: it stays due, this session moves on."""
        self._remove_front(card)
        self.skipped += 1

    def undo(self) -> Card | None:
        """Take back the last answer exactly (schedule and log) and show that card again."""
        if not self.history:
            return None
        last = self.history.pop()
        assert last.review.id is not None
        self.store.undo(
            last.review.id,
            restore=lambda fsrs_json: restore_state(last.card.deck_id, last.card.id, fsrs_json),
        )
        if last.requeued:
            for index in range(len(self.queue) - 1, -1, -1):
                if self.queue[index] is last.card:
                    del self.queue[index]
                    break
        self.queue.insert(0, last.card)
        self.comebacks.discard(last.card.key)
        if last.was_comeback:
            self.comebacks.add(last.card.key)
        return last.card

    def _shown_due(self, state: Scheduled) -> float:
        """When the card will next be shown: a review at the start of its study day."""
        if state.state != STATE_REVIEW:
            return state.due
        return self.days.start(self.days.day_of_stamp(state.due)).timestamp()

    def _remove_front(self, card: Card) -> None:
        if self.queue and self.queue[0] is card:
            self.queue.pop(0)
        elif card in self.queue:
            self.queue.remove(card)
        self.comebacks.discard(card.key)

    def _session_schedules(self) -> list[Scheduled]:
        """The current schedule of every card of this session that has one."""
        if len(self.cards) > SCHEDULES_READ_ONE_BY_ONE:  # one read of them all is cheaper
            by_key = schedules_by_key(self.store)
            return [by_key[key] for key in self.cards if key in by_key]
        found = (self.store.card_state(*key) for key in self.cards)
        return [state for state in found if state is not None]

    def summary(self) -> Summary:
        correct = sum(
            1
            for record in self.history
            if (
                record.review.correct
                if record.review.correct is not None
                else record.review.rating > 1
            )
        )
        now = self.clock().timestamp()
        upcoming = [self._shown_due(s) for s in self._session_schedules() if s.due > now]
        next_due = datetime.fromtimestamp(min(upcoming), tz=timezone.utc) if upcoming else None
        return Summary(
            answered=len(self.history),
            correct=correct,
            skipped=self.skipped,
            seconds=(self.clock() - self.started).total_seconds(),
            next_due=next_due,
            remaining=self.left()[0],
            coming_back=self.left()[1],
        )


@bulk_build
def _due_or_new(
    store: Store, cards: Sequence[CardHandle], due_before: float
) -> tuple[list[CardHandle], dict[tuple[str, str], Schedule]]:
    """The cards a review session can show (new ones, and those due before `due_before`,
    which is never before now) with their schedules, in the order of `cards`.

    `plan_session` only ever queues new and due cards, so planning over these gives
    the same queue as planning over every card, without reading every schedule:
    the store gives the due ones by an index range and the studied keys alone.
    """
    due = store.schedules_due_before(due_before)
    studied = store.studied_keys()
    chosen = [card for card in cards if card.key in due or card.key not in studied]
    return chosen, due


def start_session(
    store: Store,
    cards: Sequence[CardHandle],
    options: QuizOptions,
    *,
    clock: Clock = utc_now,
    scheduler: Scheduler | None = None,
    limits: DailyLimits | None = None,
    tz: tzinfo | None = None,
) -> QuizSession:
    """Plan the queue from the store's states and the daily limits, and open a session over it.

    `limits` default to the user's settings; they fill `options.new_per_day` and
    `options.review_cap` where those are None.
    """
    from dataclasses import replace

    now = clock()
    limits = limits or daily_limits(store)
    days = limits.days(tz)
    options = replace(
        options,
        new_per_day=limits.new_per_day if options.new_per_day is None else options.new_per_day,
        review_cap=limits.review_cap if options.review_cap is None else options.review_cap,
    )
    start = days.start_of_today(now).timestamp()
    candidates: Sequence[CardHandle] = cards
    states: dict[tuple[str, str], Schedule] = {}
    if options.mode == "review":  # cram shows every chosen card and ignores schedules
        candidates, states = _due_or_new(store, cards, days.end_of_today(now).timestamp())
    plan = plan_session(
        candidates,
        states,
        now=now,
        options=options,
        new_seen_today=store.new_cards_since(start),
        reviewed_today=store.reviewed_cards_since(start),
        rng=random.Random(options.seed),
        days=days,
    )
    if scheduler is None:
        scheduler = scheduler_for(store)
    return QuizSession(
        store=store,
        scheduler=scheduler,
        queue=resolve_all(plan.queue),
        mode=options.mode,
        clock=clock,
        plan=plan,
        days=days,
    )
