"""Grading a free answer by the key points it covers.

Character n-grams (no word splitting) work the same for Chinese and English:
a key point counts as covered when one of its phrasings has enough of its
character bigrams in the answer. The result is a suggestion the user confirms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from mlprep.decks.model import KeyPoint
from mlprep.quiz.scheduler import Grade

COVERED_AT = 0.6
_DROP = re.compile(r"[\s\W_]+", re.UNICODE)


def _fold(text: str) -> str:
    return _DROP.sub("", unicodedata.normalize("NFKC", text).casefold())


def ngrams(text: str, n: int = 2) -> set[str]:
    folded = _fold(text)
    if len(folded) <= n:
        return {folded} if folded else set()
    return {folded[i : i + n] for i in range(len(folded) - n + 1)}


def coverage(answer: str, phrasing: str) -> float:
    """Share of the phrasing's character bigrams found in the answer (0..1)."""
    wanted = ngrams(phrasing)
    if not wanted:
        return 0.0
    return len(wanted & ngrams(answer)) / len(wanted)


@dataclass(frozen=True)
class KeyPointResult:
    covered: tuple[bool, ...]
    scores: tuple[float, ...]

    @property
    def fraction(self) -> float:
        return sum(self.covered) / len(self.covered) if self.covered else 0.0

    @property
    def suggested(self) -> Grade:
        if self.fraction >= 1.0:
            return Grade.GOOD
        return Grade.HARD if self.fraction >= 0.5 else Grade.AGAIN

    @property
    def correct(self) -> bool:
        return self.fraction >= 0.5


def grade_key_points(answer: str, points: Sequence[KeyPoint]) -> KeyPointResult:
    scores = tuple(
        max((coverage(answer, alias) for alias in p.aliases), default=0.0) for p in points
    )
    return KeyPointResult(covered=tuple(s >= COVERED_AT for s in scores), scores=scores)
