"""Reference inverted dropout with the kata's random-draw contract."""

from __future__ import annotations

import torch


def dropout(x, p, training, generator):
    if not training or p == 0.0:
        return x.clone()
    if p == 1.0:
        return torch.zeros_like(x)
    keep = torch.rand(x.shape, generator=generator) >= p  # one draw, default dtype float32
    return x * keep / (1.0 - p)
