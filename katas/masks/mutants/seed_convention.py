import torch


def padding_mask(lengths, max_len):
    return torch.arange(max_len)[None, :] >= lengths[:, None]  # True = padding


def causal_mask(size):
    return torch.triu(torch.ones(size, size, dtype=torch.bool), diagonal=1)  # True = future
