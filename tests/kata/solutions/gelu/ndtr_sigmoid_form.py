"""x·Φ(x) with torch.special.ndtr; the tanh form rewritten as x·sigmoid(2z)."""

from __future__ import annotations

import math

import torch


def gelu(x, approximate="none"):
    if approximate == "none":
        return x * torch.special.ndtr(x)
    if approximate == "tanh":
        z = math.sqrt(2.0 / math.pi) * x * (1.0 + 0.044715 * x * x)
        return x * torch.sigmoid(2.0 * z)
    raise ValueError("approximate must be 'none' or 'tanh'")
