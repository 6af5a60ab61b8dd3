"""The eight decks checked by the independent accuracy review (issue 16) keep their key points
about the answer: restating a card's question earns "again" (fewer than half of the points), and
the card's own answer earns "good", in both languages, with the real key-point grader."""

from __future__ import annotations

import pytest

from mlprep.decks import load_decks
from mlprep.decks.loader import deck_files
from mlprep.decks.model import Card, Lang
from mlprep.quiz.keypoints import grade_key_points
from mlprep.quiz.scheduler import Grade
from tests.conftest import REPO

REVIEWED = (
    "classic-nlp",
    "optimization",
    "graphs-rl",
    "llm-systems",
    "recsys-advanced",
    "classical-ml-more",
    "evaluation-calibration",
    "computer-basics-more",
)


@pytest.fixture(scope="module")
def open_cards() -> list[Card]:
    paths = [REPO / "decks" / f"{deck}.yaml" for deck in REVIEWED]
    loaded = load_decks(deck_files(paths))
    assert loaded.ok, "\n".join(str(p) for p in loaded.problems)
    assert {d.id for d in loaded.decks} == set(REVIEWED)
    return [c for d in loaded.decks for c in d.cards if c.type == "basic"]


def test_every_open_card_has_key_points(open_cards: list[Card]) -> None:
    assert [f"{c.deck_id}/{c.id}" for c in open_cards if not c.key_points] == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_restating_the_question_covers_fewer_than_half(open_cards: list[Card], lang: Lang) -> None:
    echoing = []
    for card in open_cards:
        result = grade_key_points(card.q.get(lang), card.key_points)
        if result.suggested != Grade.AGAIN:
            echoing.append(f"{card.deck_id}/{card.id}: {result.suggested.name}")
    assert echoing == [], f"the question alone covers half of the key points or more: {echoing}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_cards_own_answer_is_good(open_cards: list[Card], lang: Lang) -> None:
    weak = []
    for card in open_cards:
        result = grade_key_points(card.a.get(lang), card.key_points)
        if result.suggested != Grade.GOOD:
            weak.append(f"{card.deck_id}/{card.id}: {[round(s, 2) for s in result.scores]}")
    assert weak == [], f"the card's own answer misses key points: {weak}"
