"""Mutant: the corpus is one stream of symbols, so pairs across word boundaries are counted."""

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
    stream = [ch for word, freq in word_freqs.items() for _ in range(freq) for ch in word]
    merges = []
    for _ in range(num_merges):
        counts = Counter(itertools.pairwise(stream))
        if not counts:
            break
        best = min(counts, key=lambda pair: (-counts[pair], pair))
        merges.append(best)
        stream = _merge(stream, best)
    words = {}
    for word in word_freqs:
        symbols = list(word)
        for pair in merges:
            symbols = _merge(symbols, pair)
        words[word] = symbols
    return merges, words
