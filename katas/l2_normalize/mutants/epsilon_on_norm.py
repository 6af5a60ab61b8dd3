import torch


def l2_normalize(x, axis=None, epsilon=1e-12):
    dims = tuple(range(x.dim())) if axis is None else axis
    norm = torch.sqrt((x * x).sum(dim=dims, keepdim=True))
    return x / torch.clamp_min(norm, epsilon)  # F.normalize's rule with eps=epsilon
