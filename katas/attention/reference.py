"""Reference: computed in float64 and cast back, so expected values are as exact as possible."""

from __future__ import annotations

import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    d_k = q.shape[-1]
    scores = q.double() @ k.double().transpose(-2, -1) / math.sqrt(d_k)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    return (weights @ v.double()).to(q.dtype)
