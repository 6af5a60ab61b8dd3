"""Grading a free answer by the key points it covers.

A key point counts as covered when one of its phrasings has enough of its character n-grams in
the answer. Chinese and Japanese/Korean script is compared by character bigrams, ignoring spaces
and punctuation (no word splitting needed); any other script by character trigrams inside
space-padded words, so n-grams never cross a word boundary. (Bigrams across words would match
almost anything: a long English text contains most English bigrams.) The result is a suggestion
the user confirms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from mlprep.decks.model import KeyPoint
from mlprep.quiz.scheduler import Grade

COVERED_AT = 0.6
# Chinese, Japanese and Korean script (kana, bopomofo, CJK ideographs, Hangul syllables).
_CJK = (
    "\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
# A run of CJK characters (spaces and punctuation between them are skipped) or one word of any
# other script (letters and digits; `_`, spaces and punctuation end a word).
_TOKEN = re.compile(rf"(?P<cjk>[{_CJK}](?:[\W_]*[{_CJK}])*)|(?P<word>[^\W_{_CJK}]+)")
_NOT_CJK = re.compile(rf"[^{_CJK}]+")


def ngrams(text: str) -> set[str]:
    """Character bigrams of each CJK run and character trigrams of each other word.

    Text is NFKC-normalized and case-folded. Words are padded with a space on each side, so
    `"a"` gives `{" a "}` and a word's first and last letters count; a lone CJK character is its
    own n-gram.
    """
    grams: set[str] = set()
    for match in _TOKEN.finditer(unicodedata.normalize("NFKC", text).casefold()):
        cjk = match.group("cjk")
        run, n = (_NOT_CJK.sub("", cjk), 2) if cjk is not None else (f" {match.group()} ", 3)
        if len(run) <= n:
            grams.add(run)
        else:
            grams.update(run[i : i + n] for i in range(len(run) - n + 1))
    return grams


def _share(found: set[str], phrasing: str) -> float:
    wanted = ngrams(phrasing)
    return len(wanted & found) / len(wanted) if wanted else 0.0


def coverage(answer: str, phrasing: str) -> float:
    """Share of the phrasing's n-grams (see `ngrams`) found in the answer (0..1)."""
    return _share(ngrams(answer), phrasing)


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
    found = ngrams(answer)
    scores = tuple(max((_share(found, alias) for alias in p.aliases), default=0.0) for p in points)
    return KeyPointResult(covered=tuple(s >= COVERED_AT for s in scores), scores=scores)
