"""Mask as a float tensor and a precomputed scale; where() for the special cases."""

import torch


def dropout(x, p, training, generator):
    if not training:
        return x
    u = torch.rand(x.shape, generator=generator)
    if p >= 1.0:
        return torch.zeros_like(x)
    mask = (u >= p).to(x.dtype)
    return x * mask * (1.0 / (1.0 - p))
