"""Correct, written differently: as torch does it, in the grads' dtype: per-tensor
vector_norm, the norm of the stacked norms, a clamped coefficient; total as a 0-d tensor."""

import torch


def clip_grad_norm(grads, max_norm, norm_type=2.0):
    norm_type = float(norm_type)
    if len(grads) == 0:
        return [], torch.tensor(0.0)
    norms = torch.stack([torch.linalg.vector_norm(g, norm_type) for g in grads])
    total = torch.linalg.vector_norm(norms, norm_type)
    coef = torch.clamp(max_norm / (total + 1e-6), max=1.0)
    return [g * coef.to(g.dtype) for g in grads], total
