"""Correct, written differently: einsum per head, reshape instead of view, scale on q."""

import torch
from torch import nn


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model, num_heads):
        super().__init__()
        self.num_heads = num_heads
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.out_proj = nn.Linear(d_model, d_model)

    def forward(self, query, key, value, mask=None):
        b, lq, d = query.shape
        lk = key.shape[1]
        h = self.num_heads
        q = self.q_proj(query).reshape(b, lq, h, d // h) * (d // h) ** -0.5
        k = self.k_proj(key).reshape(b, lk, h, d // h)
        v = self.v_proj(value).reshape(b, lk, h, d // h)
        scores = torch.einsum("bqhd,bkhd->bhqk", q, k)
        if mask is not None:
            scores = scores.masked_fill(mask.logical_not(), torch.finfo(scores.dtype).min)
        weights = scores.softmax(dim=-1)
        out = torch.einsum("bhqk,bkhd->bqhd", weights, v).reshape(b, lq, d)
        return self.out_proj(out)
