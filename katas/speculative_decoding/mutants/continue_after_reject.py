"""Mutant: a rejected draft is replaced, but the later drafts are still checked and kept."""

from __future__ import annotations

import torch


def _sample(weights, u):
    cdf = torch.cumsum(weights, 0)
    hits = torch.nonzero(cdf > u * cdf[-1])
    return int(hits[0]) if len(hits) else int(torch.nonzero(weights > 0)[-1])


def speculative_accept(draft_tokens, q, p, u):
    q, p, u = q.double(), p.double(), u.double()
    gamma = len(draft_tokens)
    out = []
    rejected = False
    for i in range(gamma):
        x = int(draft_tokens[i])
        if u[i] <= p[i, x] / q[i, x]:
            out.append(x)
        elif not rejected:
            rejected = True
            out.append(_sample(torch.clamp(p[i] - q[i], min=0.0), float(u[gamma])))
    if not rejected:
        out.append(_sample(p[gamma], float(u[gamma])))
    return out
