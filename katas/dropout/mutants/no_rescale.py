import torch


def dropout(x, p, training, generator):
    if not training:
        return x
    if p == 1:
        return torch.zeros_like(x)
    keep = torch.rand(x.shape, generator=generator) >= p
    return x * keep  # the kept values are not scaled up by 1 / (1 - p)
