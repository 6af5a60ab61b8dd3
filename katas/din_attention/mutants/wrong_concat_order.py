import torch


def din_attention(candidate, behaviors, mask, weights):
    a = candidate.unsqueeze(1).expand_as(behaviors)
    e = behaviors
    x = torch.cat([e, a, e - a, a * e], dim=-1)
    h = torch.sigmoid(x @ weights["W1"] + weights["b1"])
    h = torch.sigmoid(h @ weights["W2"] + weights["b2"])
    w = (h @ weights["w3"] + weights["b3"]) * mask
    return (w.unsqueeze(-1) * e.masked_fill(~mask.unsqueeze(-1), 0.0)).sum(dim=1)
