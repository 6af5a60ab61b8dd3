"""RoPE with explicit 2x2 rotation matrices, one per pair, and einsum."""

import math

import torch


def apply_rope(x, positions, base=10000.0):
    d = x.shape[-1]
    i = torch.arange(d // 2, dtype=torch.float64)
    theta = torch.exp(-2 * i / d * math.log(base))
    ang = positions.double()[..., None] * theta
    c, s = ang.cos(), ang.sin()
    rot = torch.stack(
        [torch.stack([c, -s], -1), torch.stack([s, c], -1)], -2
    )  # [..., L, d/2, 2, 2]
    pairs = x.double().unflatten(-1, (d // 2, 2))
    out = torch.einsum("...ij,...j->...i", rot, pairs)
    return out.flatten(-2).to(x.dtype)
