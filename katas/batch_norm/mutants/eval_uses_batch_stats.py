import torch


def batch_norm(x, running_mean, running_var, weight, bias, training, momentum=0.1, eps=1e-5):
    mean = x.mean(0)
    var = x.var(0, unbiased=False)  # batch statistics in both modes
    y = (x - mean) / torch.sqrt(var + eps) * weight + bias
    if training:
        new_mean = (1 - momentum) * running_mean + momentum * mean
        new_var = (1 - momentum) * running_var + momentum * x.var(0, unbiased=True)
        return y, new_mean, new_var
    return y, running_mean, running_var
