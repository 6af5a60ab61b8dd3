"""Reference InfoNCE: cosine logits / temperature, cross-entropy on the diagonal, in float64."""

from __future__ import annotations

import torch
import torch.nn.functional as F


def info_nce(query, keys, temperature):
    q = F.normalize(query.double(), dim=-1)
    k = F.normalize(keys.double(), dim=-1)
    logits = q @ k.T / temperature
    targets = torch.arange(query.shape[0])
    return F.cross_entropy(logits, targets).to(query.dtype)
