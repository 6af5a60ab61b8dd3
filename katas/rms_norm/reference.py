"""Reference RMSNorm: computed in float64, cast back to x's dtype."""

from __future__ import annotations

import torch


def rms_norm(x, weight, eps=1e-6):
    x64 = x.double()
    mean_square = (x64 * x64).mean(dim=-1, keepdim=True)
    return (x64 / torch.sqrt(mean_square + eps) * weight.double()).to(x.dtype)
