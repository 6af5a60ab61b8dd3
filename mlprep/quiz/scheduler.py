"""FSRS scheduling (the `fsrs` package, v6) behind a small, pure interface.

The clock is always passed in and fuzzing is a switch, so the same inputs
give the same schedule in tests.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import IntEnum

from fsrs import Card as FsrsCard
from fsrs import Rating as FsrsRating
from fsrs import Scheduler as FsrsScheduler
from fsrs import State as FsrsState

from mlprep.store import CardState


class Grade(IntEnum):
    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


# Card states as the store and stats see them.
STATE_NEW = 0
STATE_LEARNING = int(FsrsState.Learning)
STATE_REVIEW = int(FsrsState.Review)
STATE_RELEARNING = int(FsrsState.Relearning)


def _stable_card_number(deck_id: str, card_id: str) -> int:
    """FSRS wants an integer id; derive it from the stable text ids (no clock, no sleep)."""
    return zlib.crc32(f"{deck_id}/{card_id}".encode())


@dataclass
class Scheduler:
    """Computes the next state of a card after a grade."""

    desired_retention: float = 0.9
    fuzz: bool = True
    deadline: datetime | None = None  # the interview: every card comes back before it

    def __post_init__(self) -> None:
        self._fsrs = FsrsScheduler(
            desired_retention=self.desired_retention, enable_fuzzing=self.fuzz
        )

    def review(
        self,
        deck_id: str,
        card_id: str,
        current: CardState | None,
        grade: Grade,
        now: datetime,
        duration_ms: int | None = None,
    ) -> CardState:
        """The card's state after answering `grade` at `now` (a new card when `current` is None)."""
        now = now.astimezone(timezone.utc)
        if current is None:
            card = FsrsCard(card_id=_stable_card_number(deck_id, card_id), due=now)
        else:
            card = FsrsCard.from_json(current.fsrs)
        updated, _log = self._fsrs.review_card(
            card, FsrsRating(int(grade)), review_datetime=now, review_duration=duration_ms
        )
        if self.deadline is not None and now < self.deadline < updated.due:
            updated.due = spread_before(deck_id, card_id, now, self.deadline)
        return CardState(
            deck_id=deck_id,
            card_id=card_id,
            fsrs=updated.to_json(),
            state=int(updated.state),
            due=updated.due.timestamp(),
        )

    def forgetting_curve(self) -> tuple[float, float]:
        """(decay, factor) of the FSRS forgetting curve R(t) = (1 + factor * t / S) ** decay."""
        decay = -float(self._fsrs.parameters[20])
        return decay, 0.9 ** (1 / decay) - 1

    def retrievability(self, state: CardState, now: datetime) -> float:
        """Probability of recall at `now` (0..1)."""
        card = FsrsCard.from_json(state.fsrs)
        return float(
            self._fsrs.get_card_retrievability(card, current_datetime=now.astimezone(timezone.utc))
        )


def spread_before(deck_id: str, card_id: str, now: datetime, deadline: datetime) -> datetime:
    """A due time in the second half of [now, deadline), fixed per card.

    Capping every long interval at the deadline would pile the cards onto its
    eve; a stable per-card fraction spreads them evenly over the days left.
    """
    fraction = 0.5 + 0.5 * (_stable_card_number(deck_id, card_id) % 10_000) / 10_000
    return now + (deadline - now) * fraction


def restore_state(deck_id: str, card_id: str, fsrs_json: str) -> CardState:
    """Rebuild the store row for a saved FSRS JSON (used by undo)."""
    card = FsrsCard.from_json(fsrs_json)
    return CardState(deck_id, card_id, fsrs_json, int(card.state), card.due.timestamp())
