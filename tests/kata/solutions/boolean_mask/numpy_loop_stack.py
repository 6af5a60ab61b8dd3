"""numpy, one position at a time: loop over the mask's True positions (row-major, np.argwhere)
and stack the matching sub-arrays along `axis`."""

import numpy as np
import torch


def boolean_mask(tensor, mask, axis=0):
    t, m = tensor.numpy(), mask.numpy()
    if m.ndim == 0:
        raise ValueError("mask cannot be scalar")
    if axis + m.ndim > t.ndim or m.shape != t.shape[axis : axis + m.ndim]:
        raise ValueError("mask shape does not match the tensor")
    moved = np.moveaxis(t, list(range(axis, axis + m.ndim)), list(range(m.ndim)))
    rest = moved.shape[m.ndim :]
    pieces = [moved[tuple(pos)] for pos in np.argwhere(m)]
    picked = np.stack(pieces) if pieces else np.empty((0, *rest), dtype=t.dtype)
    return torch.from_numpy(np.ascontiguousarray(np.moveaxis(picked, 0, axis)))
