"""Kata `boolean_mask`: TensorFlow's tf.boolean_mask(tensor, mask, axis) in PyTorch.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata boolean_mask` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def boolean_mask(tensor: torch.Tensor, mask: torch.Tensor, axis: int = 0) -> torch.Tensor:
    """Keep tensor's entries where mask (over dims axis..axis+K-1) is True; K dims become one."""
    raise NotImplementedError("boolean_mask is not written yet")
