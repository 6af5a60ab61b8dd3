"""Kata `conv2d`: 2-D convolution (cross-correlation, as PyTorch) with stride, padding, dilation.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata conv2d` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def conv2d(
    x: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor | None = None,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
    dilation: int | tuple[int, int] = 1,
) -> torch.Tensor:
    """x [N, C, H, W], weight [O, C, kH, kW], bias [O] or None -> [N, O, H_out, W_out]."""
    raise NotImplementedError("conv2d is not written yet")
