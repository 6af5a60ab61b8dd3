"""The shipped decks keep their promises: size, topics, both languages, auto-graded share, no near-duplicates."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from itertools import combinations

import pytest

from mlprep.decks import load_decks
from mlprep.decks.loader import deck_files
from mlprep.decks.model import Card, Deck, Text
from tests.conftest import REPO

MIN_CARDS = 400
MIN_DECKS = 14
MIN_CARDS_PER_DECK = 15
MIN_AUTO_GRADED = 0.30
SEEDS = {
    "000_86c4d933e545a3f7.txt",
    "001_63ad114e0b0afa4d.txt",
    "002_cfbf4df1661e4f15.txt",
    "003_c4467ca41a84801d.txt",
    "004_32bb352026dbbe3b.txt",
}
KATA_NAMES = set(
    [
        "attention",
        "mha",
        "positional_encoding",
        "masks",
        "layer_norm",
        "batch_norm",
        "softmax_cross_entropy",
        "rope",
        "lora_linear",
        "infonce",
        "auc",
        "metrics",
        "bm25",
        "naive_bayes",
        "fm",
        "quicksort",
        "binary_search",
        "wildcard",
        "regex_match",
        "word_break",
        "balanced_tree",
        "permutations",
        "reverse_list_ii",
        "min_window",
        "rms_norm",
        "mqa",
        "dropout",
        "kmeans",
        "logistic_regression",
        "gbdt",
        "vae_loss",
        "ddpm_noise",
        "kv_cache",
        "top_p_sampling",
        "beam_search",
        "iou_nms",
        "pca",
    ]
)


@pytest.fixture(scope="module")
def decks() -> list[Deck]:
    loaded = load_decks(deck_files([REPO / "decks"]))
    assert loaded.ok, "\n".join(str(p) for p in loaded.problems)
    return loaded.decks


def all_cards(decks: list[Deck]) -> list[Card]:
    return [card for deck in decks for card in deck.cards]


def test_counts(decks: list[Deck]) -> None:
    cards = all_cards(decks)
    assert len(cards) >= MIN_CARDS
    assert len(decks) >= MIN_DECKS
    small = {d.id: len(d.cards) for d in decks if len(d.cards) < MIN_CARDS_PER_DECK}
    assert not small, f"decks under {MIN_CARDS_PER_DECK} cards: {small}"
    topics = Counter(d.topic for d in decks)
    assert None not in topics, "every shipped deck sets topic:"
    assert len(topics) >= MIN_DECKS and max(topics.values()) == 1, "one deck per topic"


def test_auto_graded_share(decks: list[Deck]) -> None:
    cards = all_cards(decks)
    share = sum(card.auto_graded for card in cards) / len(cards)
    assert share >= MIN_AUTO_GRADED, f"{share:.0%} auto-graded"


def _bilingual(text: Text) -> bool:
    return text.en is not None and text.zh is not None


def test_every_card_is_bilingual(decks: list[Deck]) -> None:
    missing = []
    for card in all_cards(decks):
        texts = (
            [card.text]
            if card.type == "cloze"
            else [card.q] + ([card.a] if card.type == "basic" else [])
        )
        if not all(_bilingual(t) for t in texts):
            missing.append(f"{card.deck_id}/{card.id}")
    assert not missing, f"cards without both en and zh: {missing}"


def test_some_open_questions_have_key_points(decks: list[Deck]) -> None:
    with_points = [c for c in all_cards(decks) if c.key_points]
    assert len(with_points) >= 9
    assert all(p.en and p.zh for c in with_points for p in c.key_points)


def test_sources_and_katas_are_real(decks: list[Deck]) -> None:
    cards = all_cards(decks)
    assert {c.source for c in cards if c.source} <= SEEDS
    assert {c.kata for c in cards if c.kata} <= KATA_NAMES
    assert sum(1 for c in cards if c.source) >= 100, "the seeds' questions are covered"


def _question(card: Card) -> str:
    text = card.text if card.type == "cloze" else card.q
    raw = (text.en or text.plain or "").lower()
    raw = unicodedata.normalize("NFKC", raw)
    return re.sub(r"[^a-z0-9 ]+", " ", raw).strip()


def near_duplicates(questions: list[tuple[str, str]]) -> list[tuple[str, str]]:
    found = []
    for (left_id, left), (right_id, right) in combinations(questions, 2):
        if not left or not right:
            continue
        if left == right:
            found.append((left_id, right_id))
            continue
        if abs(len(left) - len(right)) >= 0.2 * max(len(left), len(right)):
            continue
        matcher = SequenceMatcher(None, left, right, autojunk=False)
        if (
            matcher.real_quick_ratio() > 0.9
            and matcher.quick_ratio() > 0.9
            and matcher.ratio() > 0.9
        ):
            found.append((left_id, right_id))
    return found


def test_near_duplicate_detector_can_fail() -> None:
    questions = [
        ("a/1", "why does attention divide by the square root of d k"),
        ("b/2", "why does attention divide by the square root of dk"),
        ("c/3", "what is the time complexity of quicksort"),
    ]
    assert near_duplicates(questions) == [("a/1", "b/2")]


def test_no_near_duplicate_questions(decks: list[Deck]) -> None:
    questions = [(f"{c.deck_id}/{c.id}", _question(c)) for c in all_cards(decks)]
    duplicates = near_duplicates(questions)
    assert not duplicates, f"near-duplicate questions: {duplicates}"
