import torch


def padding_mask(lengths, max_len):
    return torch.arange(max_len)[None, :] <= lengths[:, None]


def causal_mask(size):
    return torch.tril(torch.ones(size, size, dtype=torch.bool))
