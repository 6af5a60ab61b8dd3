"""What learners read never cites notes they do not have, never points at a shuffled choice by
position, and MCQs do not give their answer away by length."""

from __future__ import annotations

import re

import pytest

from mlprep.decks import load_decks
from mlprep.decks.loader import deck_files
from mlprep.decks.model import Card, Deck, Text
from tests.conftest import REPO
from tests.decks.test_shipped_content import user_texts

# "random seed", torch.manual_seed(0), "each worker seeds NumPy's RNG" ... are about random number
# generators, not about the notes the cards were written from: a mention of "seed" with a word about
# randomness nearby is allowed.
_SEED = re.compile(r"seed|种子", re.IGNORECASE)
_RNG_CONTEXT = re.compile(
    r"random|rng|generator|numpy|torch|reproduc|worker|deterministic|随机|生成器|复现|确定性",
    re.IGNORECASE,
)
_RNG_WINDOW = 40
_POSITION = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|last|final)\s+(choice|option)s?\b"
    r"|\b(choice|option)\s+\(?[A-H1-8]\)?(?![\w-])"
    r"|\b(the\s+)?(first|second|third|fourth|last)\s+one\b"
    r"|\bthe\s+(first|second|third|fourth|last)\s+(is|divides|uses|gives)\b"
    r"|第\s*[一二三四五六七八1-8]\s*个?\s*选?项|最后一\s*个?\s*选项|最后一项|最后一个是|选项\s*[A-H1-8]",
    re.IGNORECASE,
)
# An MCQ answer more than this many times as long as the longest wrong choice stands out.
MAX_ANSWER_LENGTH_RATIO = 2.0


@pytest.fixture(scope="module")
def decks() -> list[Deck]:
    loaded = load_decks(deck_files([REPO / "decks"]))
    assert loaded.ok, "\n".join(str(p) for p in loaded.problems)
    return loaded.decks


def strings(text: Text) -> list[str]:
    return text.variants


def mentions_seed_notes(value: str) -> bool:
    for match in _SEED.finditer(value):
        window = value[max(0, match.start() - _RNG_WINDOW) : match.end() + _RNG_WINDOW]
        if not _RNG_CONTEXT.search(window):
            return True
    return False


def refers_to_choice_position(value: str) -> bool:
    return bool(_POSITION.search(value))


@pytest.mark.parametrize(
    ("value", "flagged"),
    [
        ("The seed notes (004) say the decoder has two sub-layers.", True),
        ("种子笔记（000）说 BN 要求序列等长。", True),
        ("The seed's version loops over every word.", True),
        ("Fix the random seed and the prompt set for regression tests.", False),
        ("torch.manual_seed(0) makes the run repeatable.", False),
        ("固定随机种子，比较两次运行。", False),
        ("Use seed=42 in train_test_split with random_state fixed.", False),
        ("Each worker seeds Python's random and NumPy from a per-worker seed.", False),
        ("每个 worker 用各自的种子设置随机数生成器。", False),
        ("As the seed file shows, BatchNorm needs equal lengths.", True),
    ],
)
def test_seed_detector(value: str, flagged: bool) -> None:
    assert mentions_seed_notes(value) is flagged


@pytest.mark.parametrize(
    ("value", "flagged"),
    [
        ("The first choice is the static masking baseline.", True),
        ("The last option is wrong too.", True),
        ("Option B ignores the covariance.", True),
        ("and the last one is the MSE-through-sigmoid gradient.", True),
        ("The first is LayerNorm without beta.", True),
        ("第一个选项是静态掩码基线。", True),
        ("最后一项是 sigmoid 后接 MSE 的梯度。", True),
        ("When the pivot is always the first element, quicksort is quadratic.", False),
        ("TIME_WAIT lets the last ACK be retransmitted.", False),
        ("最后一个元素作为基准。", False),
        ("The other heads attend to nearby tokens.", False),
        ("PCA to ~50 dims first is common.", False),
        ("CUPED, log transforms or rank-based tests are other options.", False),
    ],
)
def test_position_detector(value: str, flagged: bool) -> None:
    assert refers_to_choice_position(value) is flagged


def test_no_user_text_cites_the_seed_notes(decks: list[Deck]) -> None:
    found = [
        f"{card.deck_id}/{card.id}: {value[:80]!r}"
        for deck in decks
        for card in deck.cards
        for value in [
            *(v for text in user_texts(card) for v in strings(text)),
            *(alias for point in card.key_points for alias in point.aliases),
        ]
        if mentions_seed_notes(value)
    ]
    assert not found, "user-facing text mentions the seed notes:\n" + "\n".join(found)


def _explanations_and_choices(card: Card) -> list[Text]:
    return [*card.choices, *([card.explain] if card.explain is not None else [])]


def test_no_text_refers_to_a_choice_by_position(decks: list[Deck]) -> None:
    """Choices are shuffled when asked, so "the first choice" points at nothing."""
    found = [
        f"{card.deck_id}/{card.id}: {_POSITION.search(value).group(0)!r}"  # type: ignore[union-attr]
        for deck in decks
        for card in deck.cards
        if card.type == "mcq"
        for text in [card.q, *_explanations_and_choices(card)]
        for value in strings(text)
        if refers_to_choice_position(value)
    ]
    assert not found, "text refers to a choice by position:\n" + "\n".join(found)


def answer_stands_out(card: Card) -> bool:
    """True when the single right choice is much longer than every wrong one (in English)."""
    if card.type != "mcq" or len(card.correct_choices) != 1:
        return False
    lengths = [len(choice.en or choice.plain or choice.zh or "") for choice in card.choices]
    right = lengths[card.correct_choices[0]]
    longest_wrong = max(n for i, n in enumerate(lengths) if i != card.correct_choices[0])
    return right > MAX_ANSWER_LENGTH_RATIO * longest_wrong and right - longest_wrong > 20


def test_length_detector_can_fail() -> None:
    long_answer = Text(
        en="Timsort: a stable merge sort over natural runs with insertion sort on short runs"
    )
    card = Card(
        deck_id="d",
        id="c",
        type="mcq",
        line=1,
        choices=(Text(en="Heapsort"), long_answer, Text(en="Introsort")),
        correct_choices=(1,),
    )
    assert answer_stands_out(card)


def test_mcq_answers_do_not_stand_out_by_length(decks: list[Deck]) -> None:
    found = [f"{c.deck_id}/{c.id}" for d in decks for c in d.cards if answer_stands_out(c)]
    assert not found, (
        f"{len(found)} MCQs whose right choice is over {MAX_ANSWER_LENGTH_RATIO}x as long as "
        f"every wrong one: {found}"
    )
