import torch


def din_attention(candidate, behaviors, mask, weights):
    a = candidate.unsqueeze(1).expand_as(behaviors)
    e = behaviors
    x = torch.cat([a, e, a - e, a * e], dim=-1)
    h = torch.sigmoid(x @ weights["W1"] + weights["b1"])
    h = torch.sigmoid(h @ weights["W2"] + weights["b2"])
    w = h @ weights["w3"] + weights["b3"]
    return (w.unsqueeze(-1) * e).sum(dim=1)
