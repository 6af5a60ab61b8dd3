"""Studying toward an interview date: the date itself, and the recall projected for that day."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from mlprep.bulk import bulk_build
from mlprep.decks.model import Deck, topic_of
from mlprep.errors import UsageError
from mlprep.quiz.days import DailyLimits, StudyDays, daily_limits
from mlprep.quiz.progress import DueCalendar, RecallModel, studied
from mlprep.quiz.scheduler import Scheduler
from mlprep.store import Store

INTERVIEW_KEY = "interview_date"


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"--date must be YYYY-MM-DD, not '{text}'") from None


def interview_date(store: Store) -> date | None:
    value = store.setting(INTERVIEW_KEY)
    return date.fromisoformat(value) if value else None


def interview_deadline(day: date) -> datetime:
    """Local midnight starting the interview day: reviews must happen before it."""
    return datetime.combine(day, time.min).astimezone()


def scheduler_for(store: Store) -> Scheduler:
    """The FSRS scheduler, capped by the interview date when one is set."""
    day = interview_date(store)
    return Scheduler(deadline=interview_deadline(day) if day else None)


@dataclass
class TopicReadiness:
    cards: int = 0
    seen: int = 0
    recall_sum: float = 0.0

    @property
    def recall(self) -> float:
        """Mean predicted recall over all cards (a card never studied counts as 0)."""
        return self.recall_sum / self.cards if self.cards else 0.0


@dataclass
class Plan:
    interview: date | None
    today: date
    topics: dict[str, TopicReadiness] = field(default_factory=dict)
    daily_due: list[tuple[str, int]] = field(default_factory=list)  # (YYYY-MM-DD, reviews due)
    new_cards: int = 0
    new_per_day: int = 20  # the user's daily new-card limit (mlprep config new-per-day N)

    @property
    def days_left(self) -> int | None:
        return None if self.interview is None else (self.interview - self.today).days

    @property
    def new_per_day_needed(self) -> int | None:
        days = self.days_left
        if days is None or days <= 0:
            return None
        return math.ceil(self.new_cards / days)

    def to_json(self) -> dict[str, object]:
        return {
            "interview_date": self.interview.isoformat() if self.interview else None,
            "days_left": self.days_left,
            "new_cards": self.new_cards,
            "new_per_day_needed": self.new_per_day_needed,
            "new_per_day": self.new_per_day,
            "daily_due": [{"date": d, "due": n} for d, n in self.daily_due],
            "topics": {
                name: {"cards": t.cards, "seen": t.seen, "projected_recall": round(t.recall, 4)}
                for name, t in self.topics.items()
            },
        }


@bulk_build
def build_plan(
    store: Store,
    decks: Sequence[Deck],
    now: datetime,
    limits: DailyLimits | None = None,
    days: StudyDays | None = None,
) -> Plan:
    """Projected recall per topic on the interview day (or now), and the daily load until then."""
    limits = limits or daily_limits(store)
    days = days or limits.days()
    day = interview_date(store)
    today = days.day_of(now)
    at = interview_deadline(day) if day and interview_deadline(day) > now else now
    model = RecallModel()
    recall_at = at.timestamp()
    schedules = store.card_schedules()
    plan = Plan(interview=day, today=today, new_per_day=limits.new_per_day)
    horizon = max(1, (day - today).days) if day else 7
    calendar = DueCalendar(days, now, horizon)
    due = [0] * (horizon + 1)  # the last slot: after the horizon
    for deck in decks:
        readiness = plan.topics.setdefault(topic_of(deck), TopicReadiness())
        seen = studied(deck, schedules)
        readiness.cards += len(deck.cards)
        readiness.seen += len(seen)
        plan.new_cards += len(deck.cards) - len(seen)
        for schedule in seen:
            readiness.recall_sum += model.recall(schedule, recall_at)
            due[calendar.due_day(schedule.state, schedule.due)] += 1
    plan.daily_due = [((today + timedelta(days=i)).isoformat(), due[i]) for i in range(horizon)]
    return plan


def set_interview(store: Store, day: date | None, today: date) -> None:
    if day is not None and day <= today:
        raise UsageError(f"the interview date {day.isoformat()} is not in the future")
    store.set_setting(INTERVIEW_KEY, day.isoformat() if day else None)
