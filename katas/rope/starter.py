"""Kata `rope`: rotary position embedding (interleaved pairs, RoFormer convention).

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata rope` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def apply_rope(x: torch.Tensor, positions: torch.Tensor, base: float = 10000.0) -> torch.Tensor:
    """Rotate each pair (x[..., 2i], x[..., 2i+1]) of the row at position m by m * base**(-2i/d).

    x: [..., L, d] (d even); positions: [L] integers (or broadcastable to x.shape[:-1]).
    Returns a tensor of x's shape and dtype.
    """
    raise NotImplementedError("apply_rope is not written yet")
