"""Everything in float32 with Tensor.var(unbiased=...), as a candidate would write it."""

import torch


def batch_norm(x, running_mean, running_var, weight, bias, training, momentum=0.1, eps=1e-5):
    if training:
        mean = x.mean(0)
        var = x.var(0, unbiased=False)
        new_mean = running_mean * (1 - momentum) + mean * momentum
        new_var = running_var * (1 - momentum) + x.var(0, unbiased=True) * momentum
    else:
        mean, var = running_mean, running_var
        new_mean, new_var = running_mean.clone(), running_var.clone()
    y = (x - mean) / torch.sqrt(var + eps) * weight + bias
    return y, new_mean, new_var
