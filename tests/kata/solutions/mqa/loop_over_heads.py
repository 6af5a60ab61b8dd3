"""GQA one query head at a time, with an explicit stable softmax."""

import math

import torch


def grouped_query_attention(q, k, v, causal):
    hq, hkv = q.shape[1], k.shape[1]
    group = hq // hkv
    length, s = q.shape[2], k.shape[2]
    outs = []
    for h in range(hq):
        kh, vh = k[:, h // group], v[:, h // group]
        scores = q[:, h] @ kh.transpose(-1, -2) / math.sqrt(q.shape[-1])
        if causal:
            for i in range(length):
                scores[:, i, s - length + i + 1 :] = float("-inf")
        scores = scores - scores.max(dim=-1, keepdim=True).values
        w = scores.exp()
        outs.append((w / w.sum(dim=-1, keepdim=True)) @ vh)
    return torch.stack(outs, dim=1)
