import torch


def mmoe(x, weights):
    w = weights
    E = w["expert_W"].shape[0]
    experts = torch.stack(
        [torch.relu(x @ w["expert_W"][e] + w["expert_b"][e]) for e in range(E)], dim=1
    )  # [B, E, d_e]
    outputs = []
    for k in range(w["gate_W"].shape[0]):
        gate = torch.softmax(x @ w["gate_W"][0] + w["gate_b"][0], dim=-1)
        mixed = (gate.unsqueeze(-1) * experts).sum(dim=1)
        hidden = torch.relu(mixed @ w["tower_W1"][k] + w["tower_b1"][k])
        outputs.append(hidden @ w["tower_w2"][k] + w["tower_b2"][k])
    return tuple(outputs)
