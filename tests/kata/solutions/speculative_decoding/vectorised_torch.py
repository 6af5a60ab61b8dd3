"""Vectorised in the input dtype: all ratios at once, first rejection by argmax, torch.searchsorted."""

from __future__ import annotations

import torch


def _sample(w: torch.Tensor, u: torch.Tensor) -> int:
    cdf = torch.cumsum(w / w.sum(), 0)
    j = int(torch.searchsorted(cdf, u.to(cdf.dtype).reshape(1), right=True))  # first cdf > u
    last = int(torch.nonzero(w > 0).max())
    return min(j, last)


def speculative_accept(draft_tokens, q, p, u):
    gamma = draft_tokens.shape[0]
    idx = torch.arange(gamma)
    px = p[:gamma][idx, draft_tokens]
    qx = q[idx, draft_tokens]
    accepted = u[:gamma] * qx.double() <= px.double()  # u <= p/q without dividing
    rejected = ~accepted
    if bool(rejected.any()):
        n = int(rejected.to(torch.int64).argmax())
        extra = _sample(torch.clamp(p[n] - q[n], min=0), u[gamma])
    else:
        n = gamma
        extra = _sample(p[gamma], u[gamma])
    return torch.cat([draft_tokens[:n], torch.tensor([extra])])
