"""float32 einsum; silu written as g / (1 + exp(-g)) (exp(-g) = inf for g ≪ 0 gives -0)."""

from __future__ import annotations

import torch


def swiglu(x, w1, w2, w3):
    gate = torch.einsum("...d,fd->...f", x, w1)
    up = torch.einsum("...d,fd->...f", x, w3)
    hidden = gate / (1 + torch.exp(-gate)) * up
    return torch.einsum("...f,df->...d", hidden, w2)
