"""The textbook float32 formulas with the constants written out: 1/√2 and √(2/π)."""

from __future__ import annotations

import torch


def gelu(x, approximate="none"):
    if approximate == "none":
        return x * 0.5 * (1.0 + torch.erf(x * 0.7071067811865476))
    if approximate == "tanh":
        return 0.5 * x * (1.0 + torch.tanh(0.7978845608028654 * (x + 0.044715 * x * x * x)))
    raise ValueError(approximate)
