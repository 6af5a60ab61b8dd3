"""One (user, behaviour) pair at a time, float32 throughout, torch.nn.functional.linear."""

import torch
import torch.nn.functional as F


def din_attention(candidate, behaviors, mask, weights):
    B, T, d = behaviors.shape
    out = torch.zeros(B, d, dtype=candidate.dtype)
    for b in range(B):
        a = candidate[b]
        for t in range(T):
            if not bool(mask[b, t]):
                continue
            e = behaviors[b, t]
            x = torch.cat([a, e, a - e, a * e])
            h = torch.sigmoid(F.linear(x, weights["W1"].T, weights["b1"]))
            h = torch.sigmoid(F.linear(h, weights["W2"].T, weights["b2"]))
            w = torch.dot(h, weights["w3"]) + weights["b3"]
            out[b] += w * e
    return out
