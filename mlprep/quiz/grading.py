"""Auto-grading of typed answers, cloze gaps and multiple choice. Pure functions."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from mlprep.decks.schema import GAP_PATTERN

_TRAILING_PUNCTUATION = ".,;:!?。，；：！？、…"
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?")
REL_TOLERANCE = 1e-3
ABS_TOLERANCE = 1e-9


def normalize(text: str) -> str:
    """Fold case, full-width characters and spacing; drop trailing punctuation."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = " ".join(folded.split())
    return folded.rstrip(_TRAILING_PUNCTUATION + " ").lstrip()


def parse_number(text: str) -> float | None:
    """'0.15', '15%', '1e-3', '1/2', '1,000' -> float; None when it is not a number."""
    value = normalize(text).replace(" ", "")
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", value):
        value = value.replace(",", "")
    scale = 1.0
    if value.endswith("%"):
        value, scale = value[:-1], 0.01
    if "/" in value:
        numerator, _, denominator = value.partition("/")
        if (
            _NUMBER.fullmatch(numerator)
            and _NUMBER.fullmatch(denominator)
            and float(denominator) != 0
        ):
            return float(numerator) / float(denominator) * scale
        return None
    if _NUMBER.fullmatch(value):
        number = float(value) * scale
        return number if math.isfinite(number) else None
    return None


def answers_match(given: str, accepted: str) -> bool:
    """Does `given` say the same as `accepted`? Forgives case, width, spacing, punctuation, number form."""
    left, right = normalize(given), normalize(accepted)
    if not left:
        return False
    if left == right or left.replace(" ", "") == right.replace(" ", ""):
        return True
    a, b = parse_number(given), parse_number(accepted)
    return (
        a is not None
        and b is not None
        and math.isclose(a, b, rel_tol=REL_TOLERANCE, abs_tol=ABS_TOLERANCE)
    )


def grade_typed(given: str, accepted: Sequence[str]) -> bool:
    return any(answers_match(given, option) for option in accepted)


# -- cloze ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClozePart:
    """Literal text, or a gap (with its accepted alternatives) when `gap` is not None."""

    text: str
    gap: int | None = None
    answers: tuple[str, ...] = ()


def cloze_parts(text: str) -> list[ClozePart]:
    """Split cloze text into literal parts and numbered gaps ({{a|b}} accepts a or b)."""
    parts: list[ClozePart] = []
    position = 0
    for index, match in enumerate(GAP_PATTERN.finditer(text)):
        if match.start() > position:
            parts.append(ClozePart(text[position : match.start()]))
        answers = tuple(a.strip() for a in match.group(1).split("|") if a.strip())
        parts.append(ClozePart(answers[0] if answers else "", gap=index, answers=answers))
        position = match.end()
    if position < len(text):
        parts.append(ClozePart(text[position:]))
    return parts


def cloze_gaps(text: str) -> list[tuple[str, ...]]:
    return [part.answers for part in cloze_parts(text) if part.gap is not None]


# -- multiple choice ----------------------------------------------------------------------


def parse_choice_numbers(reply: str, count: int) -> tuple[int, ...] | None:
    """'2' or '1,3' or '1 3' (1-based, as displayed) -> 0-based display positions; None if invalid."""
    tokens = [
        t for t in re.split(r"[\s,，、;；]+", unicodedata.normalize("NFKC", reply).strip()) if t
    ]
    if not tokens:
        return None
    positions: list[int] = []
    for token in tokens:
        if not token.isdigit() or not 1 <= int(token) <= count:
            return None
        if int(token) - 1 not in positions:
            positions.append(int(token) - 1)
    return tuple(sorted(positions))


def grade_choices(
    picked_display: Sequence[int], order: Sequence[int], correct: Sequence[int]
) -> bool:
    """Right only when the picked set equals the correct set exactly (order maps display -> original)."""
    return {order[p] for p in picked_display} == set(correct)
