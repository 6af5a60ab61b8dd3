"""Kata `swiglu`: the SwiGLU feed-forward block of LLaMA.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata swiglu` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def swiglu(x: torch.Tensor, w1: torch.Tensor, w2: torch.Tensor, w3: torch.Tensor) -> torch.Tensor:
    """x [..., d]; w1, w3 [d_ff, d]; w2 [d, d_ff] (nn.Linear layout, no bias).

    Returns (silu(x @ w1.T) * (x @ w3.T)) @ w2.T, shape [..., d], x's dtype.
    """
    raise NotImplementedError("swiglu is not written yet")
