"""Plain loop in numpy (input dtype): u <= p/q per draft, np.searchsorted(side='right')."""

from __future__ import annotations

import numpy as np


def _draw(weights, u):
    cdf = np.cumsum(weights)
    j = int(np.searchsorted(cdf, u * cdf[-1], side="right"))
    if j >= len(weights):  # rounding: take the last token with positive weight
        j = int(np.flatnonzero(weights > 0)[-1])
    return j


def speculative_accept(draft_tokens, q, p, u):
    tokens = draft_tokens.numpy()
    q, p, u = q.numpy(), p.numpy(), u.numpy()
    out = []
    for i, x in enumerate(tokens):
        if u[i] <= p[i, x] / q[i, x]:
            out.append(int(x))
            continue
        out.append(_draw(np.maximum(p[i] - q[i], 0), float(u[-1])))
        return out
    out.append(_draw(p[len(tokens)], float(u[-1])))
    return out
