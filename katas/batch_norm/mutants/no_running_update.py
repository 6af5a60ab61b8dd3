import torch


def batch_norm(x, running_mean, running_var, weight, bias, training, momentum=0.1, eps=1e-5):
    if training:
        mean = x.mean(0)
        var = x.var(0, unbiased=False)
    else:
        mean, var = running_mean, running_var
    y = (x - mean) / torch.sqrt(var + eps) * weight + bias
    return y, running_mean, running_var  # the running statistics never move
