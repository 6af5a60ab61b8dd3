"""Kata `layer_norm`: layer normalisation over the last dimension, written by hand.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata layer_norm` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def layer_norm(
    x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor, eps: float = 1e-5
) -> torch.Tensor:
    """(x - mean) / sqrt(var + eps) * weight + bias over the last dim (biased variance)."""
    raise NotImplementedError("layer_norm is not written yet")
