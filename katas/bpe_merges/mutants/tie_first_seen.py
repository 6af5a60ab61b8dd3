"""Mutant: ties go to the pair counted first (max over a dict), not the smallest pair."""

from __future__ import annotations

import itertools
from collections import Counter


def _merge(symbols, pair):
    a, b = pair
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == a and symbols[i + 1] == b:
            out.append(a + b)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


def bpe_merges(word_freqs, num_merges):
    words = {word: list(word) for word in word_freqs}
    merges = []
    for _ in range(num_merges):
        counts = Counter()
        for word, symbols in words.items():
            for pair in itertools.pairwise(symbols):  # every position: 'a a a' counts (a, a) twice
                counts[pair] += word_freqs[word]
        if not counts:
            break
        best = max(counts, key=counts.get)  # first pair seen wins ties
        merges.append(best)
        words = {word: _merge(symbols, best) for word, symbols in words.items()}
    return merges, words
