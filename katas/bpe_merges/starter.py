"""Kata `bpe_merges`: learn byte-pair-encoding merges from word frequencies.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata bpe_merges` (or `pytest` in this folder).
"""

from __future__ import annotations


def bpe_merges(
    word_freqs: dict[str, int], num_merges: int
) -> tuple[list[tuple[str, str]], dict[str, list[str]]]:
    """(merges in the order learned, each word's final list of symbols)."""
    raise NotImplementedError("bpe_merges is not written yet")
