"""Scales the given gradient tensors in place (as clip_grad_norm_ does) and returns them."""

from __future__ import annotations

import math

import torch


def clip_grad_norm(grads, max_norm, norm_type=2.0):
    if not grads:
        return [], 0.0
    norm_type = float(norm_type)
    if math.isinf(norm_type):
        total = max(float(g.abs().max()) if g.numel() else 0.0 for g in grads)
    else:
        total = float(sum(float(g.double().abs().pow(norm_type).sum()) for g in grads))
        total = total ** (1.0 / norm_type)
    coef = min(max_norm / (total + 1e-6), 1.0)
    with torch.no_grad():
        for g in grads:
            g.mul_(coef)
    return list(grads), total
