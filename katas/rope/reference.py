"""Reference RoPE (interleaved pairs), computed in float64 and cast back to x's dtype."""

from __future__ import annotations

import torch


def apply_rope(x, positions, base=10000.0):
    d = x.shape[-1]
    inv_freq = base ** (-torch.arange(0, d, 2, dtype=torch.float64) / d)  # [d/2]
    angles = positions.to(torch.float64).unsqueeze(-1) * inv_freq  # [..., L, d/2]
    cos, sin = torch.cos(angles), torch.sin(angles)
    x1 = x[..., 0::2].double()
    x2 = x[..., 1::2].double()
    y1 = x1 * cos - x2 * sin
    y2 = x1 * sin + x2 * cos
    return torch.stack([y1, y2], dim=-1).flatten(-2).to(x.dtype)
