import torch


def din_attention(candidate, behaviors, mask, weights):
    d = candidate.shape[-1]
    a = candidate.unsqueeze(1).expand_as(behaviors)
    e = behaviors
    x = torch.cat([a, e, a - e], dim=-1)
    h = torch.sigmoid(x @ weights["W1"][: 3 * d] + weights["b1"])
    h = torch.sigmoid(h @ weights["W2"] + weights["b2"])
    w = (h @ weights["w3"] + weights["b3"]) * mask
    return (w.unsqueeze(-1) * e.masked_fill(~mask.unsqueeze(-1), 0.0)).sum(dim=1)
