"""Reference multi-head cross-attention with a key padding mask: float64 inside, x's dtype out."""

from __future__ import annotations

import math

import torch


def cross_attention(x, memory, params, num_heads, key_padding_mask=None):
    p = {name: t.double() for name, t in params.items()}
    b, lq, d_model = x.shape
    lk = memory.shape[1]
    d_head = d_model // num_heads
    q = x.double() @ p["q_proj.weight"].T + p["q_proj.bias"]
    k = memory.double() @ p["k_proj.weight"].T + p["k_proj.bias"]
    v = memory.double() @ p["v_proj.weight"].T + p["v_proj.bias"]
    q = q.view(b, lq, num_heads, d_head).transpose(1, 2)  # [B, H, Lq, d_head]
    k = k.view(b, lk, num_heads, d_head).transpose(1, 2)  # [B, H, Lk, d_head]
    v = v.view(b, lk, num_heads, d_head).transpose(1, 2)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_head)  # [B, H, Lq, Lk]
    if key_padding_mask is not None:
        scores = scores.masked_fill(key_padding_mask[:, None, None, :], float("-inf"))
    out = torch.softmax(scores, dim=-1) @ v
    out = out.transpose(1, 2).reshape(b, lq, d_model)
    return (out @ p["out_proj.weight"].T + p["out_proj.bias"]).to(x.dtype)
