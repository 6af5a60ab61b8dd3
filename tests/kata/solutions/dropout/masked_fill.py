"""Scale everything, then zero the dropped positions with masked_fill."""

import torch


def dropout(x, p, training, generator):
    if not training or p == 0:
        return x.clone()
    if p == 1:
        return x.new_zeros(x.shape)
    dropped = torch.rand(x.shape, generator=generator) < p
    return (x / (1 - p)).masked_fill(dropped, 0.0)
