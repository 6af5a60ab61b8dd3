"""Reference batch norm for [N, C] inputs, with PyTorch's running-statistics update.

Computed in float64 and cast back to the inputs' dtypes.
"""

from __future__ import annotations

import torch


def batch_norm(x, running_mean, running_var, weight, bias, training, momentum=0.1, eps=1e-5):
    x64 = x.double()
    rm64, rv64 = running_mean.double(), running_var.double()
    if training:
        n = x.shape[0]
        mean = x64.mean(dim=0)
        var = ((x64 - mean) ** 2).mean(dim=0)  # biased: used to normalise
        unbiased = var * n / (n - 1)  # unbiased: goes into the running variance
        new_mean = (1 - momentum) * rm64 + momentum * mean
        new_var = (1 - momentum) * rv64 + momentum * unbiased
    else:
        mean, var = rm64, rv64
        new_mean, new_var = rm64, rv64
    y = (x64 - mean) / torch.sqrt(var + eps) * weight.double() + bias.double()
    return (
        y.to(x.dtype),
        new_mean.to(running_mean.dtype),
        new_var.to(running_var.dtype),
    )
