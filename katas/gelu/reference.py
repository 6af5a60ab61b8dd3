"""Reference GELU, exact (erf) and tanh approximation, computed in float64."""

from __future__ import annotations

import math

import torch


def gelu(x, approximate="none"):
    if approximate not in ("none", "tanh"):
        raise ValueError(f"approximate must be 'none' or 'tanh', not {approximate!r}")
    x64 = x.double()
    if approximate == "none":
        # x·Φ(x) = x/2 · erfc(-x/√2): no cancellation in 1 + erf for very negative x
        out = 0.5 * x64 * torch.special.erfc(-x64 / math.sqrt(2.0))
    else:
        inner = math.sqrt(2.0 / math.pi) * (x64 + 0.044715 * x64**3)
        out = 0.5 * x64 * (1.0 + torch.tanh(inner))
    return out.to(x.dtype)
