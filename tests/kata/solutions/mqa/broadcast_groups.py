"""GQA without copying the kv heads: group the query heads and broadcast (einsum)."""

import torch


def grouped_query_attention(q, k, v, causal):
    b, hq, length, d = q.shape
    hkv, s = k.shape[1], k.shape[2]
    qg = q.reshape(b, hkv, hq // hkv, length, d)
    scores = torch.einsum("bhgld,bhsd->bhgls", qg, k) * d**-0.5
    if causal:
        pos_q = torch.arange(s - length, s)[:, None]
        pos_k = torch.arange(s)[None, :]
        scores = scores.masked_fill(pos_k > pos_q, float("-inf"))
    weights = scores.softmax(dim=-1)
    out = torch.einsum("bhgls,bhse->bhgle", weights, v)
    return out.reshape(b, hq, length, v.shape[-1])
