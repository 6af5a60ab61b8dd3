"""Reference: DeepFM forward (Guo et al. 2017), computed in float64 and cast back."""

from __future__ import annotations

import torch


def deepfm(ids, values, weights):
    dtype = values.dtype
    w = {k: v.double() for k, v in weights.items()}
    x = values.double()  # [B, F]
    e = w["V"][ids] * x.unsqueeze(-1)  # [B, F, k]: field embeddings, shared by FM and DNN
    first = w["w0"] + (w["w"][ids] * x).sum(dim=1)
    s = e.sum(dim=1)  # [B, k]
    second = 0.5 * (s * s - (e * e).sum(dim=1)).sum(dim=1)
    h = torch.relu(e.flatten(1) @ w["W1"] + w["b1"])
    h = torch.relu(h @ w["W2"] + w["b2"])
    y_dnn = h @ w["w_out"] + w["b_out"]
    return torch.sigmoid(first + second + y_dnn).to(dtype)
