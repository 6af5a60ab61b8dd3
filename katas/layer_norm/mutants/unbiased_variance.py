import torch


def layer_norm(x, weight, bias, eps=1e-5):
    mean = x.mean(-1, keepdim=True)
    var = x.var(-1, keepdim=True)  # unbiased (divides by D - 1) by default
    return (x - mean) / torch.sqrt(var + eps) * weight + bias
