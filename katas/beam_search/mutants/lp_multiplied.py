"""Mutant: the length penalty multiplies the score by len ** alpha instead of dividing."""

from __future__ import annotations


def beam_search(step, beam_width, max_len, eos, alpha=0.0):
    alive = [((), 0.0)]  # (tokens, sum of log-probs)
    finished = []
    for _ in range(max_len):
        if not alive:
            break
        candidates = []
        for tokens, score in alive:
            logp = step(tokens)
            for v, lp in enumerate(logp):
                candidates.append(((*tokens, v), score + lp))
        candidates.sort(key=lambda c: (-c[1], c[0]))  # best score first, ties: smaller sequence
        alive = []
        for tokens, score in candidates[:beam_width]:
            (finished if tokens[-1] == eos else alive).append((tokens, score))
    pool = [(tokens, score * len(tokens) ** alpha) for tokens, score in finished + alive]
    pool.sort(key=lambda c: (-c[1], c[0]))
    return [(list(tokens), float(score)) for tokens, score in pool[:beam_width]]
