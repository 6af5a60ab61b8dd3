"""A quiz session: which cards, in what order, and what each answer does to the store.

The session owns no terminal: the UI asks it for the next card, tells it the
grade, and can undo. Every answer is committed before `record` returns.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Literal

from mlprep.decks.model import Card
from mlprep.quiz.scheduler import Grade, Scheduler, restore_state
from mlprep.store import CardState, Review, ScheduledAnswer, Store

Mode = Literal["review", "cram"]
Clock = Callable[[], datetime]
LEARN_AHEAD = timedelta(
    minutes=20
)  # like Anki: a card due within 20 minutes comes back this session
DEFAULT_NEW_PER_DAY = 20


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def start_of_local_day(now: datetime) -> datetime:
    local = now.astimezone()
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


@dataclass(frozen=True)
class QuizOptions:
    mode: Mode = "review"
    limit: int | None = None
    new_per_day: int = DEFAULT_NEW_PER_DAY
    seed: int | None = None


def plan_queue(
    cards: Sequence[Card],
    states: dict[tuple[str, str], CardState],
    *,
    now: datetime,
    options: QuizOptions,
    new_seen_today: int,
    rng: random.Random,
) -> list[Card]:
    """Due cards first (oldest due first), then new cards up to today's remaining budget."""
    if options.mode == "cram":
        queue = list(cards)
        rng.shuffle(queue)
    else:
        stamp = now.timestamp()
        due = sorted(
            (c for c in cards if c.key in states and states[c.key].due <= stamp),
            key=lambda c: states[c.key].due,
        )
        budget = max(0, options.new_per_day - new_seen_today)
        new = [c for c in cards if c.key not in states][:budget]
        queue = due + new
    if options.limit is not None:
        queue = queue[: max(0, options.limit)]
    return queue


@dataclass
class AnswerRecord:
    card: Card
    review: Review
    requeued: bool


@dataclass
class Summary:
    answered: int
    correct: int
    skipped: int
    seconds: float
    next_due: datetime | None
    remaining: int


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

    def __post_init__(self) -> None:
        self.started = self.clock()
        self.cards = {card.key: card for card in self.queue}

    def next_card(self) -> Card | None:
        return self.queue[0] if self.queue else None

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
        self._remove_front(card)
        requeued = False
        if self.mode == "review" and review.state_after is not None:
            due = restore_state(card.deck_id, card.id, review.state_after).due
            if due <= (now + LEARN_AHEAD).timestamp():
                self.queue.append(card)
                requeued = True
        self.history.append(AnswerRecord(card, review, requeued))
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
        return last.card

    def _remove_front(self, card: Card) -> None:
        if self.queue and self.queue[0] is card:
            self.queue.pop(0)
        elif card in self.queue:
            self.queue.remove(card)

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
        states = self.store.card_states()
        now = self.clock().timestamp()
        upcoming = [s.due for key, s in states.items() if key in self.cards and s.due > now]
        next_due = datetime.fromtimestamp(min(upcoming), tz=timezone.utc) if upcoming else None
        return Summary(
            answered=len(self.history),
            correct=correct,
            skipped=self.skipped,
            seconds=(self.clock() - self.started).total_seconds(),
            next_due=next_due,
            remaining=len(self.queue),
        )


def start_session(
    store: Store,
    cards: Sequence[Card],
    options: QuizOptions,
    *,
    clock: Clock = utc_now,
    scheduler: Scheduler | None = None,
) -> QuizSession:
    """Plan the queue from the store's states and open a session over it."""
    now = clock()
    states = store.card_states()
    new_seen = store.new_cards_since(start_of_local_day(now).timestamp())
    rng = random.Random(options.seed)
    queue = plan_queue(cards, states, now=now, options=options, new_seen_today=new_seen, rng=rng)
    if scheduler is None:
        from mlprep.quiz.plan import scheduler_for

        scheduler = scheduler_for(store)
    return QuizSession(
        store=store,
        scheduler=scheduler,
        queue=queue,
        mode=options.mode,
        clock=clock,
    )
