"""Key-point matching tells answers apart (issue 16): over every shipped deck, a card's own answer
is graded "good" in both languages, its question alone never is, and another topic's English
answer almost never is. (With character bigrams across words, an unrelated card's English answer
cut to 600 characters was graded "good" on 64 % of cards.)"""

from __future__ import annotations

import pytest

from mlprep.decks import load_decks
from mlprep.decks.loader import deck_files
from mlprep.decks.model import Card, KeyPoint, Lang, topic_of
from mlprep.quiz.keypoints import coverage, grade_key_points, ngrams
from mlprep.quiz.scheduler import Grade
from tests.conftest import REPO

UNRELATED_CHARS = 600
MAX_UNRELATED_GOOD = 0.02
MIN_CARDS = 300  # the shipped decks have key points on 323 open cards


@pytest.fixture(scope="module")
def graded_cards() -> list[tuple[str, Card]]:
    """(topic, card) for every card with key points, in deck-file order."""
    loaded = load_decks(deck_files([REPO / "decks"]))
    assert loaded.ok, "\n".join(str(p) for p in loaded.problems)
    return [(topic_of(d), c) for d in loaded.decks for c in d.cards if c.key_points]


def _ref(card: Card) -> str:
    return f"{card.deck_id}/{card.id}"


def test_an_unrelated_english_answer_is_almost_never_good(
    graded_cards: list[tuple[str, Card]],
) -> None:
    assert len(graded_cards) >= MIN_CARDS
    assert len({topic for topic, _ in graded_cards}) > 1
    count = len(graded_cards)
    fooled = []
    for i, (topic, card) in enumerate(graded_cards):
        j = (i + 1) % count
        while graded_cards[j][0] == topic:  # the next card of another topic
            j = (j + 1) % count
        other = graded_cards[j][1]
        answer = other.a.get("en")[:UNRELATED_CHARS]
        assert len(answer) > 100, f"{_ref(other)} has no real English answer"
        if grade_key_points(answer, card.key_points).suggested >= Grade.GOOD:
            fooled.append(f"{_ref(card)} <- answer of {_ref(other)}")
    assert len(fooled) <= MAX_UNRELATED_GOOD * count, (
        f"{len(fooled)}/{count} cards graded another topic's answer 'good': {fooled}"
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_cards_own_answer_is_good(graded_cards: list[tuple[str, Card]], lang: Lang) -> None:
    weak = []
    for _, card in graded_cards:
        assert card.a.has(lang), f"{_ref(card)} has no {lang} answer"
        result = grade_key_points(card.a.get(lang), card.key_points)
        if result.suggested < Grade.GOOD:
            weak.append(f"{_ref(card)}: {[round(s, 2) for s in result.scores]}")
    assert weak == [], f"the card's own {lang} answer misses key points: {weak}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_question_alone_is_never_good(graded_cards: list[tuple[str, Card]], lang: Lang) -> None:
    echoing = [
        _ref(card)
        for _, card in graded_cards
        if grade_key_points(card.q.get(lang), card.key_points).suggested >= Grade.GOOD
    ]
    assert echoing == [], f"the {lang} question alone covers every key point: {echoing}"


def test_english_ngrams_stay_inside_words() -> None:
    assert ngrams("Top inch") == {" to", "top", "op ", " in", "inc", "nch", "ch "}
    assert ngrams("a") == {" a "}
    # Letters that only meet across a word boundary do not count.
    assert coverage("the mat", "them at") < 0.6
    assert coverage("ate a great steak", "eat steak") < 1.0
    # Case, full-width letters, punctuation and word order do not matter.
    assert coverage("ＳＯＦＴＭＡＸ, it saturates!", "saturates softmax") == 1.0


def test_chinese_keeps_bigrams_across_spaces_and_punctuation() -> None:
    assert ngrams("对值，加权") == {"对值", "值加", "加权"}
    assert ngrams("中") == {"中"}
    assert coverage("输出是对值 加权求和。", "对值加权求和") == 1.0
    # A Latin word inside Chinese text is its own word: it neither joins nor splits the Chinese.
    assert ngrams("softmax饱和") == ngrams("softmax 饱和")
    assert coverage("logits 太大会让 softmax 饱和", "softmax 饱和") == 1.0


def test_a_long_unrelated_english_text_covers_no_point() -> None:
    """The failure that motivated trigrams: a long text contains most English bigrams, so with
    bigrams across words this answer about boosting covered every point about attention."""
    text = (
        "Gradient boosting fits each new tree to the negative gradient of the loss, shrinks it by "
        "the learning rate and adds it to the ensemble. Row and column subsampling, depth limits, "
        "minimum child weight and early stopping on a held-out validation set control "
        "overfitting; XGBoost adds a second-order Taylor expansion with L1 and L2 penalties on "
        "leaf weights, and LightGBM grows trees leaf-wise with histogram split finding, exclusive "
        "feature bundling and gradient-based one-side sampling that keeps the rows with large "
        "gradients and samples the rest."
    )
    points = (
        KeyPoint(en=("variance grows with d_k",)),
        KeyPoint(en=("softmax saturates",)),
        KeyPoint(en=("scaled by square root",)),
    )
    assert grade_key_points(text, points).suggested is Grade.AGAIN
