"""Reference SwiGLU feed-forward (LLaMA): w2(silu(w1 x) * w3 x), float64 inside."""

from __future__ import annotations

import torch


def swiglu(x, w1, w2, w3):
    x64 = x.double()
    gate = x64 @ w1.double().T  # [..., d_ff]
    up = x64 @ w3.double().T  # [..., d_ff]
    hidden = gate * torch.sigmoid(gate) * up  # silu(gate) * up
    return (hidden @ w2.double().T).to(x.dtype)
