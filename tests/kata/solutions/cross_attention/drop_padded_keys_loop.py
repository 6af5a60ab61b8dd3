"""Loops over batch rows and heads in float32; padded keys are removed instead of masked."""

from __future__ import annotations

import math

import torch


def cross_attention(x, memory, params, num_heads, key_padding_mask=None):
    b, _, d_model = x.shape
    dh = d_model // num_heads
    q = x @ params["q_proj.weight"].t() + params["q_proj.bias"]
    k = memory @ params["k_proj.weight"].t() + params["k_proj.bias"]
    v = memory @ params["v_proj.weight"].t() + params["v_proj.bias"]
    rows = []
    for i in range(b):
        ki, vi = k[i], v[i]
        if key_padding_mask is not None:
            keep = ~key_padding_mask[i]
            ki, vi = ki[keep], vi[keep]
        heads = []
        for h in range(num_heads):
            cols = slice(h * dh, (h + 1) * dh)
            scores = q[i][:, cols] @ ki[:, cols].t() / math.sqrt(dh)
            heads.append(torch.softmax(scores, dim=-1) @ vi[:, cols])
        rows.append(torch.cat(heads, dim=-1))
    out = torch.stack(rows)
    return out @ params["out_proj.weight"].t() + params["out_proj.bias"]
