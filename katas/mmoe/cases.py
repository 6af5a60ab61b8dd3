"""Generated cases for `mmoe`: task/expert counts, one-task and one-expert edges, sharp gates.

Tolerances come from a float32 forward error bound on each case's own inputs (see `_tol`).
"""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case

EPS32 = 2.0**-23


def invoke(solution, x, weights):
    """The task outputs as a tuple; a list is accepted too (the task allows both)."""
    out = solution.mmoe(x, weights)
    if type(out) in (list, tuple):
        return tuple(out)
    return out


def _weights(g, d_in, d_e, n_exp, n_task, h, dtype, gate_scale=1.0):
    def u(*shape, fan_in, scale=1.0):
        t = (torch.rand(*shape, generator=g, dtype=torch.float64) * 2 - 1) * fan_in**-0.5
        return (t * scale).to(dtype)

    return {
        "expert_W": u(n_exp, d_in, d_e, fan_in=d_in, scale=2.0),
        "expert_b": u(n_exp, d_e, fan_in=d_in),
        "gate_W": u(n_task, d_in, n_exp, fan_in=d_in, scale=3.0 * gate_scale),
        "gate_b": u(n_task, n_exp, fan_in=d_in, scale=gate_scale),
        "tower_W1": u(n_task, d_e, h, fan_in=d_e, scale=2.0),
        "tower_b1": u(n_task, h, fan_in=d_e),
        "tower_w2": u(n_task, h, fan_in=h, scale=2.0),
        "tower_b2": u(n_task, fan_in=h),
    }


def _tol(x, weights):
    """Each n-term sum errs by about sqrt(n)·eps·Σ|terms|; errors are pushed through each layer."""
    if x.dtype == torch.float64:
        return {"atol": 1e-10, "rtol": 1e-9}
    w = {k: v.double() for k, v in weights.items()}
    a = {k: v.abs() for k, v in w.items()}
    xd = x.double()
    d_in = x.shape[1]
    r_in = (d_in + 1) ** 0.5
    experts = torch.relu(torch.einsum("bi,eio->beo", xd, w["expert_W"]) + w["expert_b"])
    d_exp = r_in * (torch.einsum("bi,eio->beo", xd.abs(), a["expert_W"]) + a["expert_b"])
    worst = 0.0
    for k in range(w["gate_W"].shape[0]):
        logits = xd @ w["gate_W"][k] + w["gate_b"][k]
        d_logit = r_in * (xd.abs() @ a["gate_W"][k] + a["gate_b"][k]) + logits.abs()
        gate = torch.softmax(logits, dim=-1)
        d_gate = gate * (d_logit + d_logit.max(dim=-1, keepdim=True).values + 4)
        n_e = gate.shape[1]
        mixed = torch.einsum("be,beo->bo", gate, experts)
        d_mixed = (
            torch.einsum("be,beo->bo", d_gate, experts.abs())
            + torch.einsum("be,beo->bo", gate, d_exp)
            + n_e**0.5 * torch.einsum("be,beo->bo", gate, experts.abs())
        )
        r_e = (mixed.shape[1] + 1) ** 0.5
        hidden = torch.relu(mixed @ w["tower_W1"][k] + w["tower_b1"][k])
        d_hidden = d_mixed @ a["tower_W1"][k] + r_e * (mixed.abs() @ a["tower_W1"][k] + 1)
        r_h = (hidden.shape[1] + 1) ** 0.5
        d_out = d_hidden @ a["tower_w2"][k] + r_h * (hidden @ a["tower_w2"][k] + a["tower_b2"][k])
        worst = max(worst, float(d_out.max()))
    return {"atol": 4 * EPS32 * worst + 1e-7, "rtol": 1e-5}


def _case(g, name, b, d_in, d_e, n_exp, n_task, h=8, dtype=torch.float32, scale=1.0,
          gate_scale=1.0, note=""):  # fmt: skip
    x = (torch.randn(b, d_in, generator=g, dtype=torch.float64) * scale).to(dtype)
    weights = _weights(g, d_in, d_e, n_exp, n_task, h, dtype, gate_scale)
    return Case(name, (x, weights), **_tol(x, weights), note=note)


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    for i in range(12):
        d_in = rint(2, 16)
        d_e = d_in if i % 2 == 0 else rint(2, 16)
        n_exp, n_task = rint(2, 6), rint(2, 4)
        cases.append(_case(g, f"typical[{i}]", rint(2, 8), d_in, d_e, n_exp, n_task, rint(2, 12),
                           note=f"E={n_exp} experts, K={n_task} tasks"))  # fmt: skip

    cases.append(_case(g, "edge/one_task", 4, 6, 6, 3, 1, note="K = 1: a plain MoE"))
    cases.append(_case(g, "edge/one_expert", 4, 6, 5, 1, 3, note="E = 1: every gate is 1"))
    cases.append(_case(g, "edge/batch_1", 1, 8, 8, 4, 3))
    cases.append(_case(g, "edge/many_tasks", 3, 5, 5, 3, 6))
    cases.append(_case(g, "edge/d_e!=d_in", 5, 12, 3, 4, 2))
    cases.append(_case(g, "edge/float64", 4, 8, 8, 4, 2, dtype=torch.float64))
    x = torch.zeros(3, 7)
    weights = _weights(g, 7, 7, 3, 2, 5, torch.float32)
    cases.append(Case("edge/zero_input", (x, weights), **_tol(x, weights),
                      note="x = 0: the gates are softmax(gate_b)"))  # fmt: skip

    cases.append(_case(g, "hard/sharp_gates", 6, 8, 8, 5, 3, gate_scale=300.0,
                       note="gate logits in the hundreds: exp overflows without the max shift"))  # fmt: skip
    cases.append(_case(g, "hard/large_inputs", 4, 8, 6, 4, 2, scale=100.0))

    cases.append(_case(g, "large/B=1024,d=128,E=8,K=4", 1024, 128, 64, 8, 4, h=32))
    return cases
