import torch


def din_attention(candidate, behaviors, mask, weights):
    a = candidate.unsqueeze(1).expand_as(behaviors)
    e = behaviors
    x = torch.cat([a, e, a - e, a * e], dim=-1)
    h = torch.sigmoid(x @ weights["W1"] + weights["b1"])
    h = torch.sigmoid(h @ weights["W2"] + weights["b2"])
    w = h @ weights["w3"] + weights["b3"]
    w = torch.softmax(w.masked_fill(~mask, float("-inf")), dim=1)
    w = torch.nan_to_num(w, nan=0.0)
    return (w.unsqueeze(-1) * e.masked_fill(~mask.unsqueeze(-1), 0.0)).sum(dim=1)
