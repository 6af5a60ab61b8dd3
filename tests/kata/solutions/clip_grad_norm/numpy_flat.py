"""Correct, written differently: numpy float64 on the concatenated values, an explicit min,
results as a tuple of tensors and a Python float."""

import math

import numpy as np
import torch


def clip_grad_norm(grads, max_norm, norm_type=2.0):
    arrays = [g.detach().numpy().astype(np.float64).ravel() for g in grads]
    flat = np.concatenate(arrays) if arrays else np.zeros(0)
    if flat.size == 0:
        total = 0.0
    elif math.isinf(norm_type):
        total = float(np.abs(flat).max())
    elif norm_type == 1:
        total = float(np.abs(flat).sum())
    else:
        total = float(np.sqrt(np.dot(flat, flat)))
    coef = min(1.0, max_norm / (total + 1e-6))
    clipped = tuple(
        torch.from_numpy(np.asarray(g.detach().numpy().astype(np.float64) * coef)).to(g.dtype)
        for g in grads
    )
    return clipped, total
