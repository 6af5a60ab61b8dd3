import torch


def dropout(x, p, training, generator):
    if not training or p == 0.0:
        return x.clone()
    if p == 1.0:
        return torch.zeros_like(x)
    keep = torch.rand(x.shape, generator=generator) > p  # drops a uniform equal to p
    return x * keep / (1.0 - p)
