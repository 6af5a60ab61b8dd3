"""Sennrich et al.'s style: words as space-joined strings, merges by a regex with lookarounds."""

from __future__ import annotations

import collections
import re


def get_stats(vocab):
    pairs = collections.defaultdict(int)
    for word, freq in vocab:
        symbols = word.split()
        for i in range(len(symbols) - 1):
            pairs[symbols[i], symbols[i + 1]] += freq
    return pairs


def merge_vocab(pair, vocab):
    bigram = re.escape(" ".join(pair))
    p = re.compile(r"(?<!\S)" + bigram + r"(?!\S)")
    return [(p.sub("".join(pair), word), freq) for word, freq in vocab]


def bpe_merges(word_freqs, num_merges):
    # a list of (space-joined symbols, freq), not a dict: two words can end up with the
    # same string ('a bc' and 'ab c' both become 'abc') and must not collapse
    vocab = [(" ".join(w), f) for w, f in word_freqs.items()]
    merges = []
    for _ in range(num_merges):
        pairs = get_stats(vocab)
        if not pairs:
            break
        best_count = max(pairs.values())
        best = min(p for p, c in pairs.items() if c == best_count)
        vocab = merge_vocab(best, vocab)
        merges.append(best)
    return merges, {w: joined.split() for w, (joined, _) in zip(word_freqs, vocab, strict=True)}
