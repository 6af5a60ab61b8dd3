"""As PyTorch's CPU kernel for F.batch_norm does it, in float32: per-channel invstd, then one
scale and shift per channel (x·alpha + beta, beta = bias − mean·alpha); returns a list."""

import torch


def batch_norm(x, running_mean, running_var, weight, bias, training, momentum=0.1, eps=1e-5):
    if training:
        n = x.shape[0]
        var, mean = torch.var_mean(x, dim=0, correction=0)
        new_mean = (1 - momentum) * running_mean + momentum * mean
        new_var = (1 - momentum) * running_var + momentum * (var * n / (n - 1))
    else:
        mean, var = running_mean, running_var
        new_mean, new_var = running_mean.clone(), running_var.clone()
    alpha = torch.rsqrt(var + eps) * weight
    beta = bias - mean * alpha
    return [x * alpha + beta, new_mean, new_var]
