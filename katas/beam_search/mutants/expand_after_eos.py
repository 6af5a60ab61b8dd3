"""Mutant: hypotheses ending in EOS stay in the beam and keep being expanded."""

from __future__ import annotations


def beam_search(step, beam_width, max_len, eos, alpha=0.0):
    beams = [((), 0.0)]
    for _ in range(max_len):
        candidates = []
        for tokens, score in beams:
            for v, lp in enumerate(step(tokens)):
                candidates.append(((*tokens, v), score + lp))
        candidates.sort(key=lambda c: (-c[1], c[0]))
        beams = candidates[:beam_width]
    pool = [(t, s / len(t) ** alpha) for t, s in beams]
    pool.sort(key=lambda c: (-c[1], c[0]))
    return [(list(t), float(s)) for t, s in pool[:beam_width]]
