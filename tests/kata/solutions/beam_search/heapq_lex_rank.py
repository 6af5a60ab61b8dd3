"""Beam search with heapq: candidates ranked by (-score, rank of the prefix, token).

Alive prefixes all have the same length, so keeping them sorted lexicographically lets
(prefix rank, token) stand in for comparing whole sequences on ties.
"""

from __future__ import annotations

import heapq


def beam_search(step, beam_width, max_len, eos, alpha=0.0):
    alive = [[]]
    scores = [0.0]
    finished = []
    for _ in range(max_len):
        if not alive:
            break
        order = sorted(range(len(alive)), key=lambda i: alive[i])
        alive = [alive[i] for i in order]
        scores = [scores[i] for i in order]
        keys = []
        for rank, prefix in enumerate(alive):
            row = step(tuple(prefix))
            keys.extend((-(scores[rank] + lp), rank, v) for v, lp in enumerate(row))
        best = heapq.nsmallest(beam_width, keys)
        new_alive, new_scores = [], []
        for neg, rank, v in best:
            seq = [*alive[rank], v]
            if v == eos:
                finished.append((seq, -neg))
            else:
                new_alive.append(seq)
                new_scores.append(-neg)
        alive, scores = new_alive, new_scores
    pool = finished + list(zip(alive, scores, strict=True))
    ranked = sorted(pool, key=lambda h: (-(h[1] / len(h[0]) ** alpha), h[0]))
    return [(seq, float(s / len(seq) ** alpha)) for seq, s in ranked[:beam_width]]
