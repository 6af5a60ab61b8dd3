"""Mutant: after the first step each beam only follows its own best token (k greedy searches)."""

from __future__ import annotations


def beam_search(step, beam_width, max_len, eos, alpha=0.0):
    first = step(())
    order = sorted(range(len(first)), key=lambda v: (-first[v], v))[:beam_width]
    alive = [((v,), first[v]) for v in order if v != eos]
    finished = [((v,), first[v]) for v in order if v == eos]
    for _ in range(max_len - 1):
        nxt = []
        for tokens, score in alive:
            logp = step(tokens)
            v = min(range(len(logp)), key=lambda j: (-logp[j], j))
            nxt.append(((*tokens, v), score + logp[v]))
        alive = []
        for tokens, score in nxt:
            (finished if tokens[-1] == eos else alive).append((tokens, score))
    pool = [(t, s / len(t) ** alpha) for t, s in finished + alive]
    pool.sort(key=lambda c: (-c[1], c[0]))
    return [(list(t), float(s)) for t, s in pool[:beam_width]]
