"""Key points are calibrated: the real key-point grader (mlprep.quiz.keypoints) suggests "good"
for a good free answer and at most "hard" for a poor one, in both languages."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from mlprep.decks import load_decks
from mlprep.decks.loader import deck_files
from mlprep.decks.model import Card
from mlprep.quiz.keypoints import grade_key_points
from mlprep.quiz.scheduler import Grade
from tests.conftest import DATA, REPO

CALIBRATION = DATA / "keypoint_calibration.yaml"
MIN_CALIBRATED_CARDS = 20


def calibration_rows() -> list[dict[str, Any]]:
    rows = yaml.safe_load(CALIBRATION.read_text(encoding="utf-8"))
    assert isinstance(rows, list)
    return rows


def answers(kind: str) -> list[tuple[str, str, str]]:
    return [
        (row["card"], lang, row[kind][lang]) for row in calibration_rows() for lang in ("en", "zh")
    ]


@pytest.fixture(scope="module")
def cards() -> dict[str, Card]:
    loaded = load_decks(deck_files([REPO / "decks"]))
    assert loaded.ok, "\n".join(str(p) for p in loaded.problems)
    return {f"{c.deck_id}/{c.id}": c for d in loaded.decks for c in d.cards}


def test_calibration_set_covers_20_basic_cards_in_both_languages(cards: dict[str, Card]) -> None:
    rows = calibration_rows()
    names = [row["card"] for row in rows]
    assert len(set(names)) == len(names) >= MIN_CALIBRATED_CARDS
    for row in rows:
        assert cards[row["card"]].type == "basic", row["card"]
        assert set(row["good"]) == set(row["poor"]) == {"en", "zh"}, row["card"]


def _explain(card: Card, answer: str) -> str:
    result = grade_key_points(answer, card.key_points)
    missed = [
        p.label("en") for p, hit in zip(card.key_points, result.covered, strict=True) if not hit
    ]
    return (
        f"{result.suggested.name}: missed {missed}; scores {[round(s, 2) for s in result.scores]}"
    )


@pytest.mark.parametrize(("card_ref", "lang", "answer"), answers("good"), ids=lambda v: str(v)[:40])
def test_good_answer_is_graded_good(
    card_ref: str, lang: str, answer: str, cards: dict[str, Card]
) -> None:
    card = cards[card_ref]
    assert card.key_points, f"{card_ref} has no key points"
    result = grade_key_points(answer, card.key_points)
    assert result.suggested >= Grade.GOOD, f"{card_ref} [{lang}] {_explain(card, answer)}"


@pytest.mark.parametrize(("card_ref", "lang", "answer"), answers("poor"), ids=lambda v: str(v)[:40])
def test_poor_answer_is_graded_at_most_hard(
    card_ref: str, lang: str, answer: str, cards: dict[str, Card]
) -> None:
    card = cards[card_ref]
    assert card.key_points, f"{card_ref} has no key points"
    result = grade_key_points(answer, card.key_points)
    assert result.suggested <= Grade.HARD, f"{card_ref} [{lang}] {_explain(card, answer)}"


def test_each_card_model_answer_covers_its_own_key_points(cards: dict[str, Card]) -> None:
    """The answer printed on the card is a good answer: in each language it must cover every point."""
    weak = []
    for ref, card in cards.items():
        if card.type != "basic" or not card.key_points:
            continue
        for lang, text in (("en", card.a.en), ("zh", card.a.zh)):
            if text and grade_key_points(text, card.key_points).suggested < Grade.GOOD:
                weak.append(f"{ref} [{lang}] {_explain(card, text)}")
    assert not weak, "model answers that miss their own key points:\n" + "\n".join(weak)


def test_repeating_the_question_is_not_a_good_answer(cards: dict[str, Card]) -> None:
    """Phrasings must be about the answer: the question's own words may not cover every point."""
    echoing = []
    for ref, card in cards.items():
        if card.type != "basic" or not card.key_points:
            continue
        for lang, text in (("en", card.q.en), ("zh", card.q.zh)):
            if text and grade_key_points(text, card.key_points).suggested >= Grade.GOOD:
                echoing.append(f"{ref} [{lang}]")
    assert not echoing, f"key points covered by the question text alone: {echoing}"
