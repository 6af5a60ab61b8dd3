"""A timed mock interview: questions drawn across topics (weighted to weak ones), graded at the end.

An exam never changes the FSRS schedule unless asked (`apply_to_schedule`).
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from mlprep.decks.model import Card, CardRef, Deck, topic_of
from mlprep.quiz.progress import RecallModel, studied
from mlprep.quiz.scheduler import Grade, Scheduler
from mlprep.quiz.session import QuizSession
from mlprep.store import Store

DEFAULT_COUNT = 10
DEFAULT_MINUTES = 15.0


def gradable(card: Card) -> bool:
    """Exam questions must be graded without the user: auto-graded types, or key points."""
    return card.gradable


def topic_weakness(store: Store, decks: Sequence[Deck], now: datetime) -> dict[str, float]:
    """1 − mean predicted recall per topic (unseen cards count as not recalled)."""
    model = RecallModel()
    at = now.timestamp()
    schedules = store.card_schedules()
    weakness: dict[str, float] = {}
    for deck in decks:
        recall = sum(model.recall(schedule, at) for schedule in studied(deck, schedules))
        topic = topic_of(deck)
        mean = recall / len(deck.cards) if len(deck.cards) else 0.0
        weakness[topic] = min(weakness.get(topic, 1.0), 1.0 - mean)
    return weakness


def draw_questions(
    decks: Sequence[Deck], weakness: dict[str, float], count: int, rng: random.Random
) -> list[tuple[str, Card]]:
    """(topic, card) pairs: each pick chooses a topic in proportion to its weakness (+0.1)."""
    pools: dict[str, list[CardRef]] = {}
    for deck in decks:
        flags = deck.cards.gradable
        pools.setdefault(topic_of(deck), []).extend(
            deck.refs(i for i in range(len(flags)) if flags[i])
        )
    for pool in pools.values():
        rng.shuffle(pool)
    picked: list[tuple[str, Card]] = []
    while len(picked) < count:
        topics = [t for t, pool in pools.items() if pool]
        if not topics:
            break
        weights = [weakness.get(t, 1.0) + 0.1 for t in topics]
        topic = rng.choices(topics, weights=weights)[0]
        picked.append((topic, pools[topic].pop().resolve()))
    return picked


@dataclass
class ExamAnswer:
    topic: str
    card: Card
    correct: bool
    seconds: float
    timed_out: bool = False
    reply: str = ""
    right: bool = False  # the answer itself was right (it still counts wrong when over time)


@dataclass
class TopicScore:
    questions: int = 0
    correct: int = 0
    seconds: float = 0.0

    @property
    def score(self) -> float:
        return self.correct / self.questions if self.questions else 0.0

    @property
    def seconds_per_question(self) -> float:
        return self.seconds / self.questions if self.questions else 0.0


@dataclass
class ExamReport:
    started: datetime
    finished: datetime
    asked: int
    answers: list[ExamAnswer] = field(default_factory=list)

    @property
    def correct(self) -> int:
        return sum(a.correct for a in self.answers)

    @property
    def by_topic(self) -> dict[str, TopicScore]:
        scores: dict[str, TopicScore] = {}
        for answer in self.answers:
            score = scores.setdefault(answer.topic, TopicScore())
            score.questions += 1
            score.correct += answer.correct
            score.seconds += answer.seconds
        return scores

    @property
    def to_review(self) -> list[Card]:
        return [a.card for a in self.answers if not a.correct]

    def to_json(self) -> dict[str, object]:
        return {
            "started": self.started.isoformat(),
            "finished": self.finished.isoformat(),
            "questions": self.asked,
            "answered": len(self.answers),
            "correct": self.correct,
            "score": round(self.correct / self.asked, 4) if self.asked else 0.0,
            "topics": {
                name: {
                    "questions": s.questions,
                    "correct": s.correct,
                    "score": round(s.score, 4),
                    "seconds_per_question": round(s.seconds_per_question, 1),
                }
                for name, s in sorted(self.by_topic.items())
            },
            "review": [f"{c.deck_id}/{c.id}" for c in self.to_review],
            "timed_out": [f"{a.card.deck_id}/{a.card.id}" for a in self.answers if a.timed_out],
            "right_but_over_time": [
                f"{a.card.deck_id}/{a.card.id}" for a in self.answers if a.timed_out and a.right
            ],
        }


def save_report(store: Store, report: ExamReport) -> int:
    return store.record_exam(
        report.started.timestamp(),
        report.finished.timestamp(),
        json.dumps(report.to_json(), ensure_ascii=False),
    )


def save_report_file(folders: Sequence[Path], report: ExamReport) -> Path | None:
    """Keep a report the store could not take: a JSON file in the first writable folder."""
    name = f"exam-{report.started.strftime('%Y%m%d-%H%M%S')}.json"
    text = json.dumps(report.to_json(), ensure_ascii=False, indent=2)
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / name
            target.write_text(text, encoding="utf-8")
        except OSError:
            continue
        return target
    return None


def apply_to_schedule(
    store: Store, report: ExamReport, scheduler: Scheduler, now: datetime
) -> None:
    """Only on request: log each exam answer as a review (right → good, wrong → again)."""
    session = QuizSession(
        store=store, scheduler=scheduler, queue=[a.card for a in report.answers], clock=lambda: now
    )
    for answer in report.answers:
        session.record(
            answer.card, Grade.GOOD if answer.correct else Grade.AGAIN, correct=answer.correct
        )
