"""Mutant: beam_width is ignored; one beam is kept (greedy decoding)."""

from __future__ import annotations


def beam_search(step, beam_width, max_len, eos, alpha=0.0):
    tokens, score = (), 0.0
    for _ in range(max_len):
        logp = step(tokens)
        v = max(range(len(logp)), key=lambda j: (logp[j], -j))
        tokens, score = (*tokens, v), score + logp[v]
        if v == eos:
            break
    return [(list(tokens), float(score / len(tokens) ** alpha))]
