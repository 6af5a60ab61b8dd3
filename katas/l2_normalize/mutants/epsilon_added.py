import torch


def l2_normalize(x, axis=None, epsilon=1e-12):
    dims = tuple(range(x.dim())) if axis is None else axis
    return x / torch.sqrt((x * x).sum(dim=dims, keepdim=True) + epsilon)
