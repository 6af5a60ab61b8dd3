"""Reference: DIN's local activation unit, computed in float64 and cast back."""

from __future__ import annotations

import torch


def din_attention(candidate, behaviors, mask, weights):
    dtype = candidate.dtype
    a = candidate.double().unsqueeze(1).expand_as(behaviors)  # [B, T, d]
    e = behaviors.double()
    x = torch.cat([a, e, a - e, a * e], dim=-1)  # [B, T, 4d]
    h = torch.sigmoid(x @ weights["W1"].double() + weights["b1"].double())
    h = torch.sigmoid(h @ weights["W2"].double() + weights["b2"].double())
    w = h @ weights["w3"].double() + weights["b3"].double()  # [B, T] raw weights
    w = torch.where(mask, w, torch.zeros_like(w))
    return (w.unsqueeze(-1) * torch.where(mask.unsqueeze(-1), e, 0.0)).sum(dim=1).to(dtype)
