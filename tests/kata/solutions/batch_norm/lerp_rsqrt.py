"""Running statistics with torch.lerp (old + m·(batch - old)), normalisation with rsqrt."""

import torch


def batch_norm(x, running_mean, running_var, weight, bias, training, momentum=0.1, eps=1e-5):
    if not training:
        scale = weight * torch.rsqrt(running_var + eps)
        return x * scale + (bias - running_mean * scale), running_mean, running_var
    n = x.shape[0]
    var, mean = torch.var_mean(x, dim=0, correction=0)
    y = (x - mean) * torch.rsqrt(var + eps) * weight + bias
    new_mean = torch.lerp(running_mean, mean, momentum)
    new_var = torch.lerp(running_var, var * (n / (n - 1)), momentum)
    return y, new_mean, new_var
