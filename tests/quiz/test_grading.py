from __future__ import annotations

import pytest

from mlprep.quiz.grading import (
    answers_match,
    cloze_gaps,
    grade_choices,
    grade_typed,
    normalize,
    parse_choice_numbers,
    parse_number,
)


@pytest.mark.parametrize(
    ("given", "accepted"),
    [
        ("layernorm", "LayerNorm"),
        ("  LayerNorm  ", "LayerNorm"),
        ("ＬａｙｅｒＮｏｒｍ", "LayerNorm"),  # full-width
        ("LayerNorm.", "LayerNorm"),
        ("层归一化。", "层归一化"),
        ("0.15", "15%"),
        ("15%", "0.15"),
        ("１５％", "0.15"),
        ("0.1500", "0.15"),
        ("1/2", "0.5"),
        ("1e-3", "0.001"),
        ("O(n^2)", "O(n ^ 2)"),
        ("3.1416", "3.14159"),
    ],
)
def test_forgiving_matches(given: str, accepted: str) -> None:
    assert answers_match(given, accepted)


@pytest.mark.parametrize(
    ("given", "accepted"),
    [
        ("", "LayerNorm"),
        ("batchnorm", "LayerNorm"),
        ("0.16", "15%"),
        ("15", "15%"),
        ("1.5", "15%"),
        ("O(n)", "O(n^2)"),
    ],
)
def test_wrong_answers_do_not_match(given: str, accepted: str) -> None:
    assert not answers_match(given, accepted)


def test_normalize_and_numbers() -> None:
    assert normalize(" Ａ  b ！") == "a b"
    assert parse_number("1,000") == 1000.0
    assert parse_number("abc") is None
    assert parse_number("1/0") is None
    assert grade_typed("0.15", ["fifteen", "15%"])


def test_cloze_alternatives() -> None:
    assert cloze_gaps("a {{80%|0.8}} b {{x}}") == [("80%", "0.8"), ("x",)]


def test_choice_parsing_and_grading() -> None:
    assert parse_choice_numbers("2", 3) == (1,)
    assert parse_choice_numbers("3, 1", 3) == (0, 2)
    assert parse_choice_numbers("１，３", 3) == (0, 2)
    assert parse_choice_numbers("4", 3) is None
    assert parse_choice_numbers("x", 3) is None
    order = [2, 0, 1]  # display position -> original index
    assert grade_choices((0,), order, (2,))
    assert not grade_choices((1,), order, (2,))
    assert grade_choices((0, 1), order, (0, 2))
    assert not grade_choices((0,), order, (0, 2))  # a partial pick is wrong
