import torch


def dropout(x, p, training, generator):
    if not training:
        return x
    if p == 0:
        return torch.zeros_like(x)
    keep = torch.rand(x.shape, generator=generator) < p  # p read as keep_prob (TF1's tf.nn.dropout)
    return x * keep / p
