"""Mutant: equal scores are ordered by beam order (a stable sort on the score only)."""

from __future__ import annotations


def beam_search(step, beam_width, max_len, eos, alpha=0.0):
    alive, finished = [((), 0.0)], []
    for _ in range(max_len):
        if not alive:
            break
        candidates = []
        for tokens, score in alive:
            for v, lp in enumerate(step(tokens)):
                candidates.append(((*tokens, v), score + lp))
        candidates.sort(key=lambda c: -c[1])
        alive = []
        for tokens, score in candidates[:beam_width]:
            (finished if tokens[-1] == eos else alive).append((tokens, score))
    pool = [(t, s / len(t) ** alpha) for t, s in finished + alive]
    pool.sort(key=lambda c: -c[1])
    return [(list(t), float(s)) for t, s in pool[:beam_width]]
