"""Kata `pooling`: 2-D max and average pooling with kernel, stride and padding (NCHW).

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata pooling`.
"""

from __future__ import annotations

import torch


def pool2d(
    x: torch.Tensor,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] | None = None,
    padding: int | tuple[int, int] = 0,
    mode: str = "max",
    count_include_pad: bool = True,
) -> torch.Tensor:
    """Max (mode="max", padding = −inf) or average (mode="avg") pooling of x [N, C, H, W];
    stride defaults to kernel_size; H_out = floor((H + 2·pad − k) / stride) + 1."""
    raise NotImplementedError("pool2d is not written yet")
