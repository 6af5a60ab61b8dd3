"""Progress numbers for `mlprep stats` and `mlprep deck list`, computed from the store and decks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta

from mlprep.bulk import bulk_build
from mlprep.decks.model import Deck, topic_of
from mlprep.quiz.days import STATE_REVIEW, DailyLimits, StudyDays, daily_limits
from mlprep.quiz.progress import DueCalendar, RecallModel, studied
from mlprep.store import Schedule, Store

__all__ = ["topic_of"]


@dataclass
class TopicCounts:
    new: int = 0
    learning: int = 0
    review: int = 0
    due: int = 0

    @property
    def total(self) -> int:
        return self.new + self.learning + self.review


HEATMAP_DAYS = 26 * 7
FORECAST_DAYS = 30
RETENTION_WEEKS = 12


@dataclass
class WeekRetention:
    week: str  # Monday, YYYY-MM-DD
    recalled: int
    total: int


@dataclass
class Stats:
    reviews_total: int
    reviews_today: int
    due_now: int
    due_next_7_days: list[int]
    retention: float | None
    retention_sample: int
    streak_days: int
    cards_total: int
    topics: dict[str, TopicCounts] = field(default_factory=dict)
    heatmap: dict[str, int] = field(default_factory=dict)  # YYYY-MM-DD -> answers, last 26 weeks
    forecast_30_days: list[int] = field(
        default_factory=list
    )  # reviews due on each of the next 30 days
    retention_by_week: list[WeekRetention] = field(default_factory=list)
    readiness: dict[str, float] = field(default_factory=dict)  # topic -> mean predicted recall now
    today: str = ""  # the study day (YYYY-MM-DD) the numbers are for
    rollover_hour: int = 4
    new_per_day: int = 20
    review_cap: int = 200
    new_today: int = 0

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["topics"] = {name: {**asdict(c), "total": c.total} for name, c in self.topics.items()}
        data["readiness"] = {name: round(value, 4) for name, value in self.readiness.items()}
        return data


EPOCH = date(1970, 1, 1)


def day_of(number: int) -> date:
    return EPOCH + timedelta(days=number)


def _streak(store: Store, days: StudyDays, today: date) -> int:
    """Consecutive study days with answers, ending today (or yesterday if nothing yet today).

    One index seek per day of the streak, not a scan of the whole log.
    """

    def answered(day: date) -> bool:
        start = days.start(day).timestamp()
        return store.answered_between(start, days.start(day + timedelta(days=1)).timestamp())

    cursor = today if answered(today) else today - timedelta(days=1)
    streak = 0
    while answered(cursor):
        streak += 1
        cursor -= timedelta(days=1)
    return streak


NOT_LOADED = " (not in your decks)"


@bulk_build
def compute_stats(
    store: Store,
    decks: Sequence[Deck],
    now: datetime,
    limits: DailyLimits | None = None,
    days: StudyDays | None = None,
) -> Stats:
    """Every number of `mlprep stats`, on study days (the rollover hour) like the quiz.

    "due now" is what a quiz started now would have due (before the daily review
    cap), and it is day 0 of the forecast: the two always agree. Progress on
    cards of decks that are not loaded (a deck quizzed by path) gets its own
    topic row, so the topic table adds up to the totals.
    """
    limits = limits or daily_limits(store)
    days = days or limits.days()
    today = days.day_of(now)
    day_start = days.start(today)
    calendar = DueCalendar(days, now, FORECAST_DAYS)
    model = RecallModel()
    at = now.timestamp()
    schedules = store.card_schedules()
    topics: dict[str, TopicCounts] = {}
    recall: dict[str, float] = {}
    forecast = [0] * FORECAST_DAYS
    cards_total = 0
    due_now = 0

    def count(topic: str, seen: Iterable[Schedule], new: int) -> None:
        nonlocal due_now
        counts = topics.setdefault(topic, TopicCounts())
        counts.new += new
        total = recall.get(topic, 0.0)
        for schedule in seen:
            if schedule.state == STATE_REVIEW:
                counts.review += 1
            else:
                counts.learning += 1
            total += model.recall(schedule, at)
            if calendar.due_now(schedule.state, schedule.due):
                due_now += 1
                counts.due += 1
            day = calendar.due_day(schedule.state, schedule.due)
            if day < FORECAST_DAYS:
                forecast[day] += 1
        recall[topic] = total

    loaded: dict[str, set[str]] = {}
    for deck in decks:
        ids = deck.cards.ids
        seen = studied(deck, schedules)
        cards_total += len(ids)
        loaded.setdefault(deck.id, set()).update(ids)
        count(topic_of(deck), seen, len(ids) - len(seen))
    for deck_id in sorted(schedules):
        mine = schedules[deck_id]
        known = loaded.get(deck_id, set())
        extra = sorted(card_id for card_id in mine if card_id not in known)
        if extra:
            count(deck_id + NOT_LOADED, [mine[card_id] for card_id in extra], 0)
    recalled, sample = store.retention()
    since = (day_start - timedelta(days=HEATMAP_DAYS - 1)).timestamp()
    weeks_since = (day_start - timedelta(weeks=RETENTION_WEEKS)).timestamp()
    # day numbers of study days: local time shifted back by the rollover hour
    utc_offset = (day_start.utcoffset() or timedelta()).total_seconds() - 3600 * days.rollover_hour
    return Stats(
        reviews_total=store.review_totals().answers,
        reviews_today=store.count_reviews_since(day_start.timestamp()),
        due_now=due_now,
        due_next_7_days=forecast[:7],
        retention=(recalled / sample) if sample else None,
        retention_sample=sample,
        streak_days=_streak(store, days, today),
        cards_total=cards_total,
        topics=topics,
        heatmap={
            day_of(d).isoformat(): n
            for d, n in store.daily_review_counts(since, utc_offset).items()
        },
        forecast_30_days=forecast,
        retention_by_week=[
            WeekRetention(day_of(monday).isoformat(), recalled_n, total)
            for monday, recalled_n, total in store.weekly_retention(weeks_since, utc_offset)
        ],
        readiness={t: recall[t] / topics[t].total if topics[t].total else 0.0 for t in topics},
        today=today.isoformat(),
        rollover_hour=days.rollover_hour,
        new_per_day=limits.new_per_day,
        review_cap=limits.review_cap,
        new_today=store.new_cards_since(day_start.timestamp()),
    )


@dataclass
class DeckRow:
    id: str
    title: str
    topic: str | None
    cards: int
    due: int
    new: int
    path: str


@bulk_build
def deck_rows(
    store: Store | None,
    decks: Sequence[Deck],
    now: datetime,
    lang: str,
    days: StudyDays | None = None,
) -> list[DeckRow]:
    schedules = store.card_schedules() if store else {}
    calendar = DueCalendar(days or daily_limits(store).days(), now, 1)
    rows = []
    for deck in decks:
        ids = deck.cards.ids
        seen = studied(deck, schedules)
        rows.append(
            DeckRow(
                id=deck.id,
                title=deck.title.get("zh" if lang == "zh" else "en"),
                topic=deck.topic,
                cards=len(ids),
                due=sum(1 for s in seen if calendar.due_now(s.state, s.due)),
                new=len(ids) - len(seen),
                path=str(deck.path),
            )
        )
    return rows
