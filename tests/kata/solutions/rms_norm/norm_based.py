"""The RMS as the L2 norm divided by sqrt(D), with torch.linalg.vector_norm."""

import torch


def rms_norm(x, weight, eps=1e-6):
    rms_sq = torch.linalg.vector_norm(x, dim=-1, keepdim=True) ** 2 / x.shape[-1]
    return weight * (x / torch.sqrt(rms_sq + eps))
