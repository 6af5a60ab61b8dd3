"""sin and cos stacked on a new last axis, then flattened: columns interleave sin, cos, sin, ..."""

import torch


def sinusoidal_table(max_len, d_model):
    pos = torch.arange(max_len, dtype=torch.float32)[:, None]
    freq = 10000.0 ** (-torch.arange(0, d_model, 2, dtype=torch.float32) / d_model)
    angles = pos * freq[None, :]
    return torch.stack([angles.sin(), angles.cos()], dim=-1).reshape(max_len, d_model)
