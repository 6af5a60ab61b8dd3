import torch


def batch_norm(x, running_mean, running_var, weight, bias, training, momentum=0.1, eps=1e-5):
    if training:
        mean = x.mean(0)
        var = x.var(0, unbiased=False)
        # TensorFlow's decay convention: momentum weighs the OLD value
        new_mean = momentum * running_mean + (1 - momentum) * mean
        new_var = momentum * running_var + (1 - momentum) * x.var(0, unbiased=True)
    else:
        mean, var = running_mean, running_var
        new_mean, new_var = running_mean, running_var
    return (x - mean) / torch.sqrt(var + eps) * weight + bias, new_mean, new_var
