"""BPE with pair counts updated incrementally: only the words containing the merged pair change."""

from __future__ import annotations

from collections import defaultdict


def _pairs(symbols):
    return [(symbols[i], symbols[i + 1]) for i in range(len(symbols) - 1)]


def bpe_merges(word_freqs, num_merges):
    words = [list(w) for w in word_freqs]
    freqs = list(word_freqs.values())
    counts = defaultdict(int)
    where = defaultdict(set)  # pair -> indices of words containing it
    for idx, symbols in enumerate(words):
        for pair in _pairs(symbols):
            counts[pair] += freqs[idx]
            where[pair].add(idx)
    merges = []
    for _ in range(num_merges):
        live = [(c, p) for p, c in counts.items() if c > 0]
        if not live:
            break
        top = max(c for c, _ in live)
        best = min(p for c, p in live if c == top)
        merges.append(best)
        a, b = best
        for idx in sorted(where[best]):
            old = words[idx]
            new, i = [], 0
            while i < len(old):
                if i + 1 < len(old) and old[i] == a and old[i + 1] == b:
                    new.append(a + b)
                    i += 2
                else:
                    new.append(old[i])
                    i += 1
            for pair in _pairs(old):
                counts[pair] -= freqs[idx]
            for pair in _pairs(new):
                counts[pair] += freqs[idx]
                where[pair].add(idx)
            words[idx] = new
    return tuple(merges), dict(zip(word_freqs, words, strict=True))
