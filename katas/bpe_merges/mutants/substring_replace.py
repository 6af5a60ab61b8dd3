"""Mutant: merges with str.replace on the space-joined symbols, matching inside longer symbols."""

from __future__ import annotations

import itertools
from collections import Counter


def bpe_merges(word_freqs, num_merges):
    words = {word: " ".join(word) for word in word_freqs}
    merges = []
    for _ in range(num_merges):
        counts = Counter()
        for word, text in words.items():
            symbols = text.split(" ")
            for pair in itertools.pairwise(symbols):
                counts[pair] += word_freqs[word]
        if not counts:
            break
        best = min(counts, key=lambda pair: (-counts[pair], pair))
        merges.append(best)
        a, b = best
        words = {w: t.replace(f"{a} {b}", a + b) for w, t in words.items()}
    return merges, {w: t.split(" ") for w, t in words.items()}
