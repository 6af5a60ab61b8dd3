import math

import torch


def _layer_norm(x, weight, bias, eps):
    mean = x.mean(dim=1, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=1, keepdim=True)  # biased, as nn.LayerNorm
    return (x - mean) / torch.sqrt(var + eps) * weight + bias


def _linear(x, params, name):
    return x @ params[f"{name}.weight"].T + params[f"{name}.bias"]


def encoder_layer(x, params, num_heads, key_padding_mask=None, eps=1e-5):
    p = {name: t.double() for name, t in params.items()}
    h = x.double()
    b, length, d_model = h.shape
    d_head = d_model // num_heads

    def split(t):
        return t.view(b, length, num_heads, d_head).transpose(1, 2)

    q = split(_linear(h, p, "q_proj"))
    k = split(_linear(h, p, "k_proj"))
    v = split(_linear(h, p, "v_proj"))
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_head)
    if key_padding_mask is not None:
        scores = scores.masked_fill(key_padding_mask[:, None, None, :], float("-inf"))
    attn = torch.softmax(scores, dim=-1) @ v
    attn = attn.transpose(1, 2).reshape(b, length, d_model)
    h = _layer_norm(h + _linear(attn, p, "out_proj"), p["norm1.weight"], p["norm1.bias"], eps)
    ffn = _linear(torch.relu(_linear(h, p, "linear1")), p, "linear2")
    h = _layer_norm(h + ffn, p["norm2.weight"], p["norm2.bias"], eps)
    return h.to(x.dtype)
