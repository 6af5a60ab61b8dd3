"""Reference tf.boolean_mask: check shapes, merge the K masked dimensions, select with the flat mask."""

from __future__ import annotations

import math

import torch


def boolean_mask(tensor, mask, axis=0):
    k, n = mask.dim(), tensor.dim()
    if k == 0:
        raise ValueError("mask cannot be scalar")
    if axis < 0 or axis + k > n:
        raise ValueError(f"axis {axis} + mask dims {k} exceed the tensor's {n} dims")
    shape = tuple(tensor.shape)
    if tuple(mask.shape) != shape[axis : axis + k]:
        raise ValueError(f"mask shape {tuple(mask.shape)} != {shape[axis : axis + k]}")
    merged = tensor.reshape((*shape[:axis], math.prod(shape[axis : axis + k]), *shape[axis + k :]))
    keep = torch.nonzero(mask.reshape(-1)).reshape(-1)
    return torch.index_select(merged, axis, keep)
