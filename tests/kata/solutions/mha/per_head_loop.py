"""Correct, written differently: one head at a time with F.linear slices and a manual softmax."""

import math

import torch
import torch.nn.functional as F
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
        d_model = query.shape[-1]
        d_head = d_model // self.num_heads
        heads = []
        for h in range(self.num_heads):
            rows = slice(h * d_head, (h + 1) * d_head)
            q = F.linear(query, self.q_proj.weight[rows], self.q_proj.bias[rows])
            k = F.linear(key, self.k_proj.weight[rows], self.k_proj.bias[rows])
            v = F.linear(value, self.v_proj.weight[rows], self.v_proj.bias[rows])
            scores = torch.matmul(q, k.transpose(1, 2)) / math.sqrt(d_head)
            if mask is not None:
                b, lq, lk = scores.shape
                m = torch.broadcast_to(mask, (b, self.num_heads, lq, lk))[:, h]
                scores = scores.masked_fill(~m, float("-inf"))
            scores = scores - scores.amax(dim=-1, keepdim=True)
            weights = scores.exp()
            weights = weights / weights.sum(dim=-1, keepdim=True)
            heads.append(weights @ v)
        return self.out_proj(torch.cat(heads, dim=-1))
