"""float32 throughout, one head at a time, LayerNorm from var(unbiased=False)."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F


def _ln(x, w, b, eps):
    mean = x.mean(-1, keepdim=True)
    var = x.var(-1, unbiased=False, keepdim=True)
    return (x - mean) * torch.rsqrt(var + eps) * w + b


def encoder_layer(x, params, num_heads, key_padding_mask=None, eps=1e-5):
    p = params
    d_model = x.shape[-1]
    d_head = d_model // num_heads
    q = F.linear(x, p["q_proj.weight"], p["q_proj.bias"])
    k = F.linear(x, p["k_proj.weight"], p["k_proj.bias"])
    v = F.linear(x, p["v_proj.weight"], p["v_proj.bias"])
    heads = []
    for h in range(num_heads):
        sl = slice(h * d_head, (h + 1) * d_head)
        s = q[..., sl] @ k[..., sl].transpose(1, 2) / math.sqrt(d_head)
        if key_padding_mask is not None:
            s = s.masked_fill(key_padding_mask.unsqueeze(1), float("-inf"))
        heads.append(torch.softmax(s, dim=-1) @ v[..., sl])
    attn = F.linear(torch.cat(heads, dim=-1), p["out_proj.weight"], p["out_proj.bias"])
    h1 = _ln(x + attn, p["norm1.weight"], p["norm1.bias"], eps)
    ffn = F.linear(F.relu(F.linear(h1, p["linear1.weight"], p["linear1.bias"])),
                   p["linear2.weight"], p["linear2.bias"])  # fmt: skip
    return _ln(h1 + ffn, p["norm2.weight"], p["norm2.bias"], eps)
