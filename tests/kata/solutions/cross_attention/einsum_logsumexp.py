"""einsum over all heads at once; the softmax written as exp(s - logsumexp(s)), mask via where."""

from __future__ import annotations

import torch


def cross_attention(x, memory, params, num_heads, key_padding_mask=None):
    b, lq, d = x.shape
    lk = memory.shape[1]
    dh = d // num_heads
    wq = params["q_proj.weight"].view(num_heads, dh, -1)
    wk = params["k_proj.weight"].view(num_heads, dh, -1)
    wv = params["v_proj.weight"].view(num_heads, dh, -1)
    q = torch.einsum("bqi,hdi->bhqd", x, wq) + params["q_proj.bias"].view(1, num_heads, 1, dh)
    k = torch.einsum("bki,hdi->bhkd", memory, wk) + params["k_proj.bias"].view(1, num_heads, 1, dh)
    v = torch.einsum("bki,hdi->bhkd", memory, wv) + params["v_proj.bias"].view(1, num_heads, 1, dh)
    s = torch.einsum("bhqd,bhkd->bhqk", q / dh**0.5, k)
    if key_padding_mask is not None:
        pad = key_padding_mask.view(b, 1, 1, lk)
        s = torch.where(pad, torch.tensor(float("-inf"), dtype=s.dtype), s)
    w = torch.exp(s - torch.logsumexp(s, dim=-1, keepdim=True))
    ctx = torch.einsum("bhqk,bhkd->bqhd", w, v).reshape(b, lq, d)
    return torch.einsum("bqi,oi->bqo", ctx, params["out_proj.weight"]) + params["out_proj.bias"]
