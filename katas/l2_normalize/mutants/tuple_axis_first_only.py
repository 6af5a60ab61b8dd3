import torch


def l2_normalize(x, axis=None, epsilon=1e-12):
    if axis is None:
        axis = tuple(range(x.dim()))
    if isinstance(axis, tuple):
        axis = axis[0]
    return x / torch.sqrt(torch.clamp_min((x * x).sum(dim=axis, keepdim=True), epsilon))
