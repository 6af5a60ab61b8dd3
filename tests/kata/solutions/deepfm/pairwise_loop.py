"""The FM pairs by an explicit loop over f < g (F is small), float32, per-field matmuls."""

import torch


def deepfm(ids, values, weights):
    w = weights
    F = ids.shape[1]
    e = [w["V"][ids[:, f]] * values[:, f : f + 1] for f in range(F)]
    y = w["w0"] + sum(w["w"][ids[:, f]] * values[:, f] for f in range(F))
    for f in range(F):
        for g in range(f + 1, F):
            y = y + (e[f] * e[g]).sum(dim=1)
    k = w["V"].shape[1]
    z = w["b1"] + sum(e[f] @ w["W1"][f * k : (f + 1) * k] for f in range(F))
    h = torch.relu(torch.relu(z) @ w["W2"] + w["b2"])
    y = y + h @ w["w_out"] + w["b_out"]
    return 1.0 / (1.0 + torch.exp(-y))
