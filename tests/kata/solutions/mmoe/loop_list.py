"""Loops over tasks and experts, float32, manual max-shifted softmax, returns a list."""

import torch


def mmoe(x, weights):
    E = weights["expert_W"].shape[0]
    K = weights["gate_W"].shape[0]
    experts = [torch.relu(x @ weights["expert_W"][e] + weights["expert_b"][e]) for e in range(E)]
    outs = []
    for k in range(K):
        logits = x @ weights["gate_W"][k] + weights["gate_b"][k]
        z = torch.exp(logits - logits.max(dim=1, keepdim=True).values)
        gate = z / z.sum(dim=1, keepdim=True)
        mixed = torch.zeros_like(experts[0])
        for e in range(E):
            mixed = mixed + gate[:, e : e + 1] * experts[e]
        hidden = torch.clamp(mixed @ weights["tower_W1"][k] + weights["tower_b1"][k], min=0)
        outs.append(hidden @ weights["tower_w2"][k] + weights["tower_b2"][k])
    return outs
