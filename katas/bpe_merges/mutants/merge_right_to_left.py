"""Mutant: occurrences are merged scanning from the right: 'a a a' becomes 'a' + 'aa'."""

from __future__ import annotations

import itertools
from collections import Counter


def _merge(symbols, pair):
    a, b = pair
    out, i = [], len(symbols) - 1
    while i >= 0:
        if i > 0 and symbols[i - 1] == a and symbols[i] == b:
            out.append(a + b)
            i -= 2
        else:
            out.append(symbols[i])
            i -= 1
    return out[::-1]


def bpe_merges(word_freqs, num_merges):
    words = {word: list(word) for word in word_freqs}
    merges = []
    for _ in range(num_merges):
        counts = Counter()
        for word, symbols in words.items():
            for pair in itertools.pairwise(symbols):
                counts[pair] += word_freqs[word]
        if not counts:
            break
        best = min(counts, key=lambda pair: (-counts[pair], pair))
        merges.append(best)
        words = {word: _merge(symbols, best) for word, symbols in words.items()}
    return merges, words
