"""Decks joined with the store's progress, at the scale of years of study.

`stats`, `deck list`, `plan`, `exam` and the quiz's queue all ask the same
questions of every studied card: is it due, on which study day, how likely is
it recalled. Asked through `datetime` and the FSRS card objects, 50,000 cards
take seconds; here each question is a float comparison or one formula, with
the day boundaries computed once per command.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from datetime import datetime, timedelta

from mlprep.bulk import bulk_build
from mlprep.decks.model import Deck
from mlprep.quiz.days import STATE_REVIEW, StudyDays
from mlprep.quiz.scheduler import Scheduler
from mlprep.store import Schedule, Store


@bulk_build
def schedules_by_key(store: Store) -> dict[tuple[str, str], Schedule]:
    """Every studied card's schedule, keyed like `Card.key` (no FSRS JSON is read)."""
    return {
        (deck_id, card_id): schedule
        for deck_id, cards in store.card_schedules().items()
        for card_id, schedule in cards.items()
    }


Schedules = Mapping[str, Mapping[str, Schedule]]  # deck id -> card id -> schedule


def studied(deck: Deck, schedules: Schedules) -> list[Schedule]:
    """The schedules of the deck's cards that have one (its cards never studied have none)."""
    mine = schedules.get(deck.id, {})
    return [mine[card_id] for card_id in deck.cards.ids if card_id in mine]


class DueCalendar:
    """Which study day (counted from today) each due time falls on, as `StudyDays` says.

    Review cards (whole-day intervals) are due from the start of their study
    day; learning and relearning steps at their exact time. The boundaries of
    the next `horizon` study days are computed once, so a card's day is a binary
    search over floats; days past the horizon count as `horizon`.
    """

    def __init__(self, days: StudyDays, now: datetime, horizon: int) -> None:
        today = days.day_of(now)
        self.now = now.timestamp()
        # boundaries[k]: when study day today+k+1 starts
        self.boundaries = [
            days.start(today + timedelta(days=k + 1)).timestamp() for k in range(horizon)
        ]
        self.horizon = horizon

    def due_day(self, state: int, due: float) -> int:
        """Study days from today until the card is due (0: today or overdue)."""
        if state != STATE_REVIEW and due <= self.now:
            return 0
        return bisect_right(self.boundaries, due)

    def due_now(self, state: int, due: float) -> bool:
        if state == STATE_REVIEW:
            return due < self.boundaries[0]
        return due <= self.now


class RecallModel:
    """FSRS retrievability from a schedule's stability and last review, as `fsrs` computes it.

    Same formula and rounding as `fsrs.Scheduler.get_card_retrievability`
    (whole days elapsed, never negative); a card with no stability is 0.
    """

    def __init__(self, scheduler: Scheduler | None = None) -> None:
        decay, factor = (scheduler or Scheduler()).forgetting_curve()
        self.decay = decay
        self.factor = factor

    def recall(self, schedule: Schedule, at: float) -> float:
        if schedule.stability is None or schedule.last_review is None:
            return 0.0
        elapsed = max(0, int((at - schedule.last_review) // 86_400))
        return float((1 + self.factor * elapsed / schedule.stability) ** self.decay)
