"""Mock interviews and key-point grading of free answers."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlprep.cli import app
from mlprep.decks import load_deck
from mlprep.decks.model import KeyPoint
from mlprep.quiz.exam import draw_questions, gradable
from mlprep.quiz.keypoints import coverage, grade_key_points
from mlprep.quiz.scheduler import Grade

runner = CliRunner()

DECK = """\
id: kp
title: {en: Key points, zh: 要点}
topic: attention
cards:
  - id: why-scale
    type: basic
    q: {en: Why divide attention scores by sqrt(d_k)?, zh: 为什么注意力分数要除以根号 d_k？}
    a: {en: Dot products grow with d_k; scaling keeps softmax out of saturation., zh: 点积随 d_k 增大；缩放避免 softmax 饱和。}
    key_points:
      - {en: [dot products grow with d_k, variance grows with d_k], zh: [点积随维度增大, 方差随维度增大]}
      - {en: [softmax saturates, small gradients], zh: [softmax 饱和, 梯度变小]}
  - id: no-points
    type: basic
    q: {en: Explain attention., zh: 解释注意力。}
    a: {en: Weighted sum of values., zh: 值的加权和。}
  - id: mask-rate
    type: typed
    q: {en: BERT mask rate?, zh: BERT 掩码比例？}
    answer: ["15%"]
  - id: scale
    type: mcq
    q: {en: Scale factor?, zh: 缩放因子？}
    choices: ["1/sqrt(d_k)", "1/d_k"]
    answer: 0
"""


@pytest.fixture
def deck(home: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    path = folder / "kp.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


def test_key_points_load(deck: Path) -> None:
    card = load_deck(deck).cards[0]
    assert card.key_points[0] == KeyPoint(
        en=("dot products grow with d_k", "variance grows with d_k"),
        zh=("点积随维度增大", "方差随维度增大"),
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("key_points: []", "key_points must be a non-empty list"),
        ("key_points: [{fr: x}]", "key point 0 has language 'fr'"),
        ("key_points: [{en: ''}]", "key point 0.en must be non-empty text"),
        (
            "keypoints: [x]",
            "unknown field 'keypoints' in basic card 'a' (did you mean 'key_points'?)",
        ),
    ],
)
def test_bad_key_points(home: Path, tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(f"id: bad\ntitle: B\ncards:\n  - id: a\n    q: x\n    a: y\n    {body}\n")
    result = runner.invoke(app, ["deck", "lint", str(path)])
    assert result.exit_code == 2
    assert message in result.output


def test_character_ngrams_work_for_both_languages() -> None:
    points = (
        KeyPoint(en=("softmax saturates",), zh=("softmax 饱和",)),
        KeyPoint(en=("weighted sum of values",), zh=("对值加权求和",)),
    )
    english = grade_key_points(
        "large logits make the softmax saturate; output is a weighted sum of the values", points
    )
    chinese = grade_key_points("logits 太大会让 softmax 饱和，输出是对值加权求和", points)
    nothing = grade_key_points("I am not sure", points)
    assert english.covered == (True, True) and english.suggested is Grade.GOOD
    assert chinese.covered == (True, True)
    assert nothing.covered == (False, False) and nothing.suggested is Grade.AGAIN
    assert grade_key_points("softmax saturates", points).suggested is Grade.HARD
    assert coverage("", "anything") == 0.0


def test_free_answer_in_the_quiz_suggests_a_grade(deck: Path, home: Path) -> None:
    result = runner.invoke(
        app,
        ["quiz", str(deck), "--type", "basic", "--limit", "1"],
        input="the dot products grow with d_k so softmax saturates\n",
    )
    assert result.exit_code == 0, result.output
    assert "2 of 2 key points · suggested: good" in result.output
    rows = (
        sqlite3.connect(home / "mlprep.db")
        .execute("SELECT card_id, rating, correct FROM reviews")
        .fetchall()
    )
    assert rows[0] == ("why-scale", 3, 1)


def test_scripted_digit_still_grades_key_point_cards(deck: Path, home: Path) -> None:
    runner.invoke(app, ["quiz", str(deck), "--type", "basic", "--limit", "1"], input="1\n")
    rows = (
        sqlite3.connect(home / "mlprep.db")
        .execute("SELECT card_id, rating FROM reviews")
        .fetchall()
    )
    assert rows[0] == ("why-scale", 1)


def test_exam_draws_only_gradable_cards_weighted_to_weak_topics(deck: Path) -> None:
    decks = [load_deck(deck)]
    questions = draw_questions(decks, {"attention": 1.0}, 10, random.Random(0))
    assert {card.id for _, card in questions} == {"why-scale", "mask-rate", "scale"}
    assert all(gradable(card) for _, card in questions)
    weak = load_deck(deck)
    strong_text = DECK.replace("id: kp", "id: kp2").replace("topic: attention", "topic: strong")
    other = deck.parent / "strong.yaml"
    other.write_text(strong_text, encoding="utf-8")
    picks = draw_questions(
        [weak, load_deck(other)], {"attention": 0.9, "strong": 0.0}, 3, random.Random(1)
    )
    assert sum(topic == "attention" for topic, _ in picks) >= 2


def test_exam_end_to_end_report_saved_schedule_untouched(deck: Path, home: Path) -> None:
    # answers for whatever order the seeded draw produces: give right answers to all three
    decks = [load_deck(deck)]
    from mlprep.quiz.exam import draw_questions as draw

    order = [card.id for _, card in draw(decks, {"attention": 1.0}, 3, random.Random(5))]
    answers = {"why-scale": "dot products grow with d_k and softmax saturates", "mask-rate": "0.15"}
    mcq_rng = random.Random(5)  # the exam view shuffles choices with the same seed
    lines = []
    for card_id in order:
        if card_id == "scale":
            choice_order = [0, 1]
            mcq_rng.shuffle(choice_order)
            lines.append(str(choice_order.index(0) + 1))
        else:
            lines.append(answers[card_id])
    result = runner.invoke(
        app,
        [
            "exam",
            "--count",
            "3",
            "--seed",
            "5",
            "--minutes",
            "30",
            "--json",
            "--topic",
            "attention",
        ],
        input="\n".join(lines) + "\n",
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output[result.output.index("{\n") :])
    assert report["questions"] == 3 and report["correct"] == 3
    assert report["topics"]["attention"]["score"] == 1.0
    assert "right" not in result.output.split("{\n")[0]  # no feedback during the exam
    db = sqlite3.connect(home / "mlprep.db")
    assert db.execute("SELECT COUNT(*) FROM exams").fetchone()[0] == 1
    assert db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 0  # schedule untouched


def test_exam_schedule_option_logs_reviews(deck: Path, home: Path) -> None:
    result = runner.invoke(
        app,
        ["exam", "--count", "2", "--seed", "1", "--schedule", "--topic", "attention", "--json"],
        input="2\n2\n",  # valid for every card type: a choice number, a (wrong) typed or free answer
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output[result.output.index("{\n") :])
    assert report["answered"] == 2
    wrong = {key.split("/")[1] for key in report["review"]}
    db = sqlite3.connect(home / "mlprep.db")
    rows = db.execute("SELECT card_id, rating, mode FROM reviews ORDER BY id").fetchall()
    assert len(rows) == 2
    for card_id, rating, mode in rows:
        assert mode == "review"
        assert rating == (1 if card_id in wrong else 3)


def test_exam_overtime_counts_as_wrong() -> None:
    import io
    from datetime import datetime, timezone

    from rich.console import Console

    from mlprep.ui.exam_view import ExamView
    from mlprep.ui.keys import LineInput

    deck_cards = load_deck_text(DECK)
    reads = iter(range(10_000))
    ticks = (0.0 if next(reads) < 3 else 100.0 for _ in iter(int, 1))  # 100 s after the question
    view = ExamView(Console(file=io.StringIO()), LineInput(io.StringIO("15%\n")), "en", seed=0)
    report = view.run(
        [("attention", deck_cards["mask-rate"])],
        minutes=1,
        now=lambda: datetime(2026, 1, 1, tzinfo=timezone.utc),
        monotonic=lambda: next(ticks),
    )
    (answer,) = report.answers
    assert answer.timed_out and not answer.correct


def load_deck_text(text: str) -> dict[str, object]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.yaml"
        path.write_text(text, encoding="utf-8")
        return {card.id: card for card in load_deck(path).cards}


def test_unknown_exam_topic(deck: Path) -> None:
    result = runner.invoke(app, ["exam", "--topic", "nope"])
    assert result.exit_code == 2
    assert "no deck has topic nope" in result.output


def test_exam_intro_counts_in_words(deck: Path) -> None:
    result = runner.invoke(
        app, ["exam", "--topic", "attention", "--count", "1", "--minutes", "1"], input="\n"
    )
    assert "mock interview: 1 question, 1 minute (1:00 each)." in result.output
    result = runner.invoke(
        app, ["exam", "--topic", "attention", "--count", "2", "--minutes", "2.5"], input="\n\n"
    )
    assert "mock interview: 2 questions, 2.5 minutes (1:15 each)." in result.output
