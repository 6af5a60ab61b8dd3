"""Kata `clip_grad_norm`: clip a list of gradients by their global norm.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata clip_grad_norm` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def clip_grad_norm(
    grads: list[torch.Tensor], max_norm: float, norm_type: float = 2.0
) -> tuple[list[torch.Tensor], float]:
    """(new clipped tensors, total norm before clipping); coef = min(1, max_norm / (norm + 1e-6))."""
    raise NotImplementedError("clip_grad_norm is not written yet")
