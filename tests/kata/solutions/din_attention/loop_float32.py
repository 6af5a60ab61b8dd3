"""One user at a time: gather that user's valid behaviours, float32, torch.nn.functional.linear."""

import torch
import torch.nn.functional as F


def din_attention(candidate, behaviors, mask, weights):
    B, _T, d = behaviors.shape
    rows = []
    for b in range(B):
        e = behaviors[b][mask[b]]  # [n_valid, d]
        if e.shape[0] == 0:
            rows.append(torch.zeros(d, dtype=candidate.dtype))
            continue
        a = candidate[b].expand_as(e)
        x = torch.cat([a, e, a - e, a * e], dim=1)
        h = torch.sigmoid(F.linear(x, weights["W1"].T, weights["b1"]))
        h = torch.sigmoid(F.linear(h, weights["W2"].T, weights["b2"]))
        w = h @ weights["w3"] + weights["b3"]
        rows.append(w @ e)
    return torch.stack(rows)
