"""Reference masks. Convention: True = a real token / the query may attend to that key."""

from __future__ import annotations

import torch


def padding_mask(lengths, max_len):
    positions = torch.arange(max_len, device=lengths.device)  # [max_len]
    return positions.unsqueeze(0) < lengths.unsqueeze(1)  # [B, max_len]


def causal_mask(size):
    return torch.tril(torch.ones(size, size, dtype=torch.bool))
