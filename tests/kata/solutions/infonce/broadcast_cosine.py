"""Every pair's cosine by broadcasting to [N, N, d] (F.cosine_similarity), then cross-entropy."""

import torch
import torch.nn.functional as F


def info_nce(query, keys, temperature):
    sim = F.cosine_similarity(query[:, None, :], keys[None, :, :], dim=-1)  # [N, N]
    return F.cross_entropy(sim / temperature, torch.arange(query.shape[0]))
