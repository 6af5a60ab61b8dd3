"""Anki's review log replayed through mlprep's FSRS scheduler, so imported cards keep their progress.

Each answered Anki review (learning, review, relearning and filtered-deck
reviews; not manual reschedules) is replayed in time order with its grade
(1 again … 4 easy) and stored as an mlprep review, so the card's FSRS state,
due date, statistics and streak continue from where Anki left them. Only cards
without mlprep progress get history: importing again never adds a review twice
and never rewrites what was studied in mlprep.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from mlprep.paths import Paths

if TYPE_CHECKING:
    from mlprep.quiz.scheduler import Scheduler
    from mlprep.store import CardState, ScheduledAnswer

REVIEW_KINDS = (0, 1, 2, 3)  # Anki revlog type: learn, review, relearn, filtered (not 4+: manual)
SESSION_ID = "anki-import"


@dataclass(frozen=True)
class PastReview:
    reviewed_at: float  # seconds since the epoch
    rating: int  # 1..4
    duration_ms: int | None


@dataclass(frozen=True)
class HistoryResult:
    cards: int = 0
    reviews: int = 0
    kept: int = 0  # cards that already had mlprep progress: left as they are


def replay(paths: Paths, history: Mapping[tuple[str, str], Sequence[PastReview]]) -> HistoryResult:
    """Store the reviews of every card in `history` that has no mlprep progress yet."""
    from mlprep.quiz.scheduler import Scheduler
    from mlprep.store import open_store

    scheduler = Scheduler(fuzz=False)
    cards = reviews = kept = 0
    with open_store(paths.store) as store:
        for (deck_id, card_id), past in sorted(history.items()):
            if not past:
                continue
            if store.card_state(deck_id, card_id) is not None:
                kept += 1
                continue
            cards += 1
            for entry in sorted(past, key=lambda e: e.reviewed_at):
                answer = functools.partial(_answer, scheduler, deck_id, card_id, entry)
                store.answer(deck_id, card_id, answer)
                reviews += 1
    return HistoryResult(cards, reviews, kept)


def _answer(
    scheduler: Scheduler, deck_id: str, card_id: str, entry: PastReview, current: CardState | None
) -> ScheduledAnswer:
    """One past review as the log row and the card's next FSRS state."""
    from mlprep.quiz.scheduler import Grade
    from mlprep.store import Review, ScheduledAnswer

    when = datetime.fromtimestamp(entry.reviewed_at, timezone.utc)
    new_state = scheduler.review(
        deck_id, card_id, current, Grade(entry.rating), when, entry.duration_ms
    )
    review = Review(
        deck_id=deck_id,
        card_id=card_id,
        rating=entry.rating,
        mode="review",
        reviewed_at=entry.reviewed_at,
        duration_ms=entry.duration_ms,
        state_before=None if current is None else current.fsrs,
        state_after=new_state.fsrs,
        session_id=SESSION_ID,
    )
    return ScheduledAnswer(review, new_state)
