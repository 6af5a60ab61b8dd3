"""Kata `tf_unique`: TensorFlow's tf.unique (first-occurrence order) in PyTorch.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata tf_unique` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def tf_unique(
    x: torch.Tensor, out_idx: torch.dtype = torch.int32
) -> tuple[torch.Tensor, torch.Tensor]:
    """x: 1-D. Returns (y, idx): y the distinct values in first-occurrence order, y[idx] == x."""
    raise NotImplementedError("tf_unique is not written yet")
