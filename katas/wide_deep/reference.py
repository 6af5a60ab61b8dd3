"""Reference: Wide & Deep forward (Cheng et al. 2016), computed in float64 and cast back."""

from __future__ import annotations

import torch


def wide_deep(wide_x, deep_ids, dense, weights):
    dtype = wide_x.dtype
    w = {k: v.double() for k, v in weights.items()}
    y_wide = wide_x.double() @ w["w_wide"]
    a0 = torch.cat([w["emb"][deep_ids].flatten(1), dense.double()], dim=1)
    h = torch.relu(a0 @ w["W1"] + w["b1"])
    h = torch.relu(h @ w["W2"] + w["b2"])
    y_deep = h @ w["w_deep"]
    return torch.sigmoid(y_wide + y_deep + w["b"]).to(dtype)
