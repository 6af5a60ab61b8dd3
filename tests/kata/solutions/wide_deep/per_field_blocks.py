"""W1 split into per-field blocks (no concatenation), float32, F.linear, a manual sigmoid."""

import torch
import torch.nn.functional as F


def wide_deep(wide_x, deep_ids, dense, weights):
    w = weights
    k = w["emb"].shape[1]
    n_fields = deep_ids.shape[1]
    z = w["b1"] + dense @ w["W1"][n_fields * k :]
    for f in range(n_fields):
        z = z + w["emb"][deep_ids[:, f]] @ w["W1"][f * k : (f + 1) * k]
    h = F.relu(F.linear(F.relu(z), w["W2"].T, w["b2"]))
    logit = (wide_x * w["w_wide"]).sum(dim=1) + (h * w["w_deep"]).sum(dim=1) + w["b"]
    return torch.where(
        logit >= 0, 1 / (1 + torch.exp(-logit)), torch.exp(logit) / (1 + torch.exp(logit))
    )
