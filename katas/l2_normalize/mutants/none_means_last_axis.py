import torch


def l2_normalize(x, axis=None, epsilon=1e-12):
    dims = -1 if axis is None else axis
    return x / torch.sqrt(torch.clamp_min((x * x).sum(dim=dims, keepdim=True), epsilon))
