"""Always the L2 norm, whatever norm_type says."""

from __future__ import annotations

import math

import torch


def _total_norm(grads, norm_type):
    if not grads:
        return 0.0
    flat = torch.cat([g.detach().double().reshape(-1) for g in grads])
    if flat.numel() == 0:
        return 0.0
    if math.isinf(norm_type):
        return float(flat.abs().max())
    return float(flat.abs().pow(norm_type).sum() ** (1.0 / norm_type))


def clip_grad_norm(grads, max_norm, norm_type=2.0):
    total = _total_norm(grads, 2.0)
    coef = min(max_norm / (total + 1e-6), 1.0)
    return [(g.double() * coef).to(g.dtype) for g in grads], total
