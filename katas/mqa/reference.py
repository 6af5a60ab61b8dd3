"""Reference grouped-query attention: repeat_interleave the kv heads, float64 inside."""

from __future__ import annotations

import math

import torch


def grouped_query_attention(q, k, v, causal):
    hq, hkv = q.shape[1], k.shape[1]
    group = hq // hkv
    k = k.double().repeat_interleave(group, dim=1)
    v = v.double().repeat_interleave(group, dim=1)
    scores = q.double() @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if causal:
        length, s = q.shape[-2], k.shape[-2]
        allowed = torch.ones(length, s, dtype=torch.bool).tril(diagonal=s - length)
        scores = scores.masked_fill(~allowed, float("-inf"))
    return (torch.softmax(scores, dim=-1) @ v).to(q.dtype)
