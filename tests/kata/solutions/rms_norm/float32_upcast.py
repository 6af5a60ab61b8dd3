"""Hugging Face's LlamaRMSNorm: statistics in float32 (float64 stays float64), weight last."""

import torch


def rms_norm(x, weight, eps=1e-6):
    compute = torch.promote_types(x.dtype, torch.float32)
    h = x.to(compute)
    variance = h.pow(2).mean(-1, keepdim=True)
    h = h * torch.rsqrt(variance + eps)
    return (weight.to(compute) * h).to(x.dtype)
