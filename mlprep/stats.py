"""Progress numbers for `mlprep stats` and `mlprep deck list`, computed from the store and decks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta

from mlprep.decks.model import Deck
from mlprep.quiz.scheduler import STATE_REVIEW
from mlprep.quiz.session import start_of_local_day
from mlprep.store import CardState, Store


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

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["topics"] = {name: {**asdict(c), "total": c.total} for name, c in self.topics.items()}
        data["readiness"] = {name: round(value, 4) for name, value in self.readiness.items()}
        return data


EPOCH = date(1970, 1, 1)


def day_of(number: int) -> date:
    return EPOCH + timedelta(days=number)


def _streak(days: Sequence[int], today: date) -> int:
    """Consecutive days with answers, ending today (or yesterday if nothing yet today)."""
    have = {day_of(d) for d in days}
    cursor = today if today in have else today - timedelta(days=1)
    streak = 0
    while cursor in have:
        streak += 1
        cursor -= timedelta(days=1)
    return streak


def topic_of(deck: Deck) -> str:
    return deck.topic or deck.id


def _classify(state: CardState | None) -> str:
    if state is None:
        return "new"
    return "review" if state.state == STATE_REVIEW else "learning"


def compute_stats(store: Store, decks: Sequence[Deck], now: datetime) -> Stats:
    from mlprep.quiz.scheduler import Scheduler

    scheduler = Scheduler()
    day_start = start_of_local_day(now)
    states = store.card_states()
    stamp = now.timestamp()
    topics: dict[str, TopicCounts] = {}
    recall: dict[str, float] = {}
    forecast = [0] * FORECAST_DAYS
    cards_total = 0
    due_now = 0
    for deck in decks:
        topic = topic_of(deck)
        counts = topics.setdefault(topic, TopicCounts())
        recall.setdefault(topic, 0.0)
        for card in deck.cards:
            cards_total += 1
            state = states.get(card.key)
            kind = _classify(state)
            setattr(counts, kind, getattr(counts, kind) + 1)
            if state is None:
                continue
            recall[topic] += scheduler.retrievability(state, now)
            if state.due <= stamp:
                due_now += 1
                counts.due += 1
            else:
                day = (datetime.fromtimestamp(state.due, tz=now.tzinfo) - day_start).days
                if 0 <= day < FORECAST_DAYS:
                    forecast[day] += 1
    recalled, sample = store.retention()
    since = (day_start - timedelta(days=HEATMAP_DAYS - 1)).timestamp()
    weeks_since = (day_start - timedelta(weeks=RETENTION_WEEKS)).timestamp()
    utc_offset = (day_start.utcoffset() or timedelta()).total_seconds()
    return Stats(
        reviews_total=store.review_count(),
        reviews_today=store.count_reviews_since(day_start.timestamp()),
        due_now=due_now,
        due_next_7_days=forecast[:7],
        retention=(recalled / sample) if sample else None,
        retention_sample=sample,
        streak_days=_streak(store.review_days(utc_offset), day_start.date()),
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


def deck_rows(
    store: Store | None, decks: Sequence[Deck], now: datetime, lang: str
) -> list[DeckRow]:
    states = store.card_states() if store else {}
    stamp = now.timestamp()
    rows = []
    for deck in decks:
        due = sum(1 for c in deck.cards if c.key in states and states[c.key].due <= stamp)
        new = sum(1 for c in deck.cards if c.key not in states)
        rows.append(
            DeckRow(
                id=deck.id,
                title=deck.title.get("zh" if lang == "zh" else "en"),
                topic=deck.topic,
                cards=len(deck.cards),
                due=due,
                new=new,
                path=str(deck.path),
            )
        )
    return rows
