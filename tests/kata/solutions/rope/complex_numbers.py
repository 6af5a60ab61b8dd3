"""RoPE as a multiplication by unit complex numbers (float32 angles unless x is float64)."""

import torch


def apply_rope(x, positions, base=10000.0):
    d = x.shape[-1]
    real = torch.float64 if x.dtype == torch.float64 else torch.float32
    inv_freq = 1.0 / (base ** (torch.arange(0, d, 2, dtype=real) / d))
    angles = positions.to(real)[..., None] * inv_freq
    rot = torch.polar(torch.ones_like(angles), angles)
    pairs = torch.view_as_complex(x.to(real).reshape(*x.shape[:-1], d // 2, 2).contiguous())
    out = torch.view_as_real(pairs * rot).flatten(-2)
    return out.to(x.dtype)
