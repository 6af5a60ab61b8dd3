"""Kata `l2_normalize`: TensorFlow's tf.math.l2_normalize in PyTorch.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata l2_normalize` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def l2_normalize(
    x: torch.Tensor, axis: int | tuple[int, ...] | None = None, epsilon: float = 1e-12
) -> torch.Tensor:
    """x / sqrt(max(sum(x², axis), epsilon)); axis=None means all axes. Same shape and dtype."""
    raise NotImplementedError("l2_normalize is not written yet")
