"""Mutant: scores are products of probabilities, which underflow to 0 on long/unlikely paths."""

from __future__ import annotations

import math


def beam_search(step, beam_width, max_len, eos, alpha=0.0):
    alive, finished = [((), 1.0)], []
    for _ in range(max_len):
        if not alive:
            break
        candidates = []
        for tokens, prob in alive:
            for v, lp in enumerate(step(tokens)):
                candidates.append(((*tokens, v), prob * math.exp(lp)))
        candidates.sort(key=lambda c: (-c[1], c[0]))
        alive = []
        for tokens, prob in candidates[:beam_width]:
            (finished if tokens[-1] == eos else alive).append((tokens, prob))
    pool = [(t, math.log(p) / len(t) ** alpha) for t, p in finished + alive]
    pool.sort(key=lambda c: (-c[1], c[0]))
    return [(list(t), float(s)) for t, s in pool[:beam_width]]
