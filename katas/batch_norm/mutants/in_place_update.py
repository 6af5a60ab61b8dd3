import torch


def batch_norm(x, running_mean, running_var, weight, bias, training, momentum=0.1, eps=1e-5):
    if training:
        mean = x.mean(0)
        var = x.var(0, unbiased=False)
        # updates the caller's buffers in place, as nn.BatchNorm1d does internally
        running_mean.mul_(1 - momentum).add_(momentum * mean)
        running_var.mul_(1 - momentum).add_(momentum * x.var(0, unbiased=True))
    else:
        mean, var = running_mean, running_var
    y = (x - mean) / torch.sqrt(var + eps) * weight + bias
    return y, running_mean, running_var
