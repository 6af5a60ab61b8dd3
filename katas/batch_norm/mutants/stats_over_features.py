import torch


def batch_norm(x, running_mean, running_var, weight, bias, training, momentum=0.1, eps=1e-5):
    if training:
        mean = x.mean(1, keepdim=True)  # per sample, over the features (layer norm)
        var = x.var(1, unbiased=False, keepdim=True)
        y = (x - mean) / torch.sqrt(var + eps) * weight + bias
        new_mean = (1 - momentum) * running_mean + momentum * x.mean(0)
        new_var = (1 - momentum) * running_var + momentum * x.var(0, unbiased=True)
        return y, new_mean, new_var
    y = (x - running_mean) / torch.sqrt(running_var + eps) * weight + bias
    return y, running_mean, running_var
