import math

import torch


def grouped_query_attention(q, k, v, causal):
    group = q.shape[1] // k.shape[1]
    k = k.repeat(1, group, 1, 1)
    v = v.repeat(1, group, 1, 1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if causal:
        length, s = q.shape[-2], k.shape[-2]
        allowed = torch.ones(length, s, dtype=torch.bool).tril(diagonal=s - length)
        scores = scores.masked_fill(~allowed, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
