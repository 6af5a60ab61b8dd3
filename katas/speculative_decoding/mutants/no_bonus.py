"""Mutant: when all drafts are accepted, no bonus token is sampled from p[γ]."""

from __future__ import annotations

import torch


def _sample(weights: torch.Tensor, u: float) -> int:
    """Smallest j with cumsum(weights)[j] > u * sum(weights) (inverse CDF, unnormalised)."""
    cdf = torch.cumsum(weights, 0)
    hits = torch.nonzero(cdf > u * cdf[-1])
    if len(hits):
        return int(hits[0])
    return int(torch.nonzero(weights > 0)[-1])  # rounding pushed u past the end


def speculative_accept(draft_tokens, q, p, u):
    q, p, u = q.double(), p.double(), u.double()
    gamma = len(draft_tokens)
    out = []
    for i in range(gamma):
        x = int(draft_tokens[i])
        if u[i] <= p[i, x] / q[i, x]:
            out.append(x)
        else:
            out.append(_sample(torch.clamp(p[i] - q[i], min=0.0), float(u[gamma])))
            return out
    # no bonus token when every draft is accepted
    return out
