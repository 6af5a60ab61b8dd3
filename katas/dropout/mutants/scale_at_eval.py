import torch


def dropout(x, p, training, generator):
    if not training:
        return x * (1 - p)  # the original paper's test-time scaling, on top of inverted dropout
    if p == 1:
        return torch.zeros_like(x)
    keep = torch.rand(x.shape, generator=generator) >= p
    return x * keep / (1 - p)
