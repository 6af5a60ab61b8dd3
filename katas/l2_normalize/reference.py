"""Reference tf.math.l2_normalize: x * rsqrt(max(sum(x², axis, keepdims), epsilon)), in float64."""

from __future__ import annotations

import torch


def l2_normalize(x, axis=None, epsilon=1e-12):
    dims = tuple(range(x.dim())) if axis is None else axis
    x64 = x.double()
    square_sum = torch.sum(x64 * x64, dim=dims, keepdim=True)
    return (x64 / torch.sqrt(torch.clamp_min(square_sum, epsilon))).to(x.dtype)
