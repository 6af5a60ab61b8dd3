"""Reference: MMoE forward (Ma et al. 2018), computed in float64 and cast back."""

from __future__ import annotations

import torch


def mmoe(x, weights):
    dtype = x.dtype
    w = {k: v.double() for k, v in weights.items()}
    xd = x.double()
    experts = torch.relu(torch.einsum("bi,eio->beo", xd, w["expert_W"]) + w["expert_b"])
    outputs = []
    for k in range(w["gate_W"].shape[0]):
        gate = torch.softmax(xd @ w["gate_W"][k] + w["gate_b"][k], dim=-1)  # [B, E]
        mixed = torch.einsum("be,beo->bo", gate, experts)  # [B, d_e]
        hidden = torch.relu(mixed @ w["tower_W1"][k] + w["tower_b1"][k])
        outputs.append((hidden @ w["tower_w2"][k] + w["tower_b2"][k]).to(dtype))
    return tuple(outputs)
