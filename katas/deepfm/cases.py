"""Generated cases for `deepfm`: categorical and numeric fields, F = 1, saturated logits, Criteo-sized.

Tolerances come from a float32 forward error bound of the logit on each case's own inputs,
pushed through the sigmoid's slope (see `_tol`).
"""

from __future__ import annotations

import math

import torch

from mlprep.kata.casekit import Case

EPS32 = 2.0**-23


def _sigmoid_slope(z: torch.Tensor) -> torch.Tensor:
    s = torch.sigmoid(z)
    return s * (1 - s)


def _tol(ids, values, weights):
    """δlogit in units of eps (each n-term sum: sqrt(n)·Σ|terms|), then δp ≤ σ'(|z| − δz)·δz."""
    if values.dtype == torch.float64:
        return {"atol": 1e-10, "rtol": 1e-9}
    w = {k: v.double() for k, v in weights.items()}
    a = {k: v.abs() for k, v in w.items()}
    x = values.double()
    n_f = x.shape[1]
    e = w["V"][ids] * x.unsqueeze(-1)
    ea = e.abs()
    first = w["w0"] + (w["w"][ids] * x).sum(dim=1)
    d_first = (n_f + 1) ** 0.5 * (a["w0"] + (a["w"][ids] * x.abs()).sum(dim=1))
    s = e.sum(dim=1)
    sq = (e * e).sum(dim=1)
    sa = ea.sum(dim=1)
    d_pair = sa * sa * (2 * n_f**0.5 + 3) + sq * (n_f**0.5 + 3)
    k = e.shape[-1]
    second = 0.5 * (s * s - sq).sum(dim=1)
    d_second = 0.5 * (d_pair.sum(dim=1) + k**0.5 * (s * s - sq).abs().sum(dim=1))
    a0 = e.flatten(1)
    n1 = a0.shape[1] + 1
    z1 = a0 @ w["W1"] + w["b1"]
    d1 = a0.abs() @ a["W1"] + n1**0.5 * (a0.abs() @ a["W1"] + a["b1"])
    h1 = torch.relu(z1)
    h2 = torch.relu(h1 @ w["W2"] + w["b2"])
    d2 = d1 @ a["W2"] + (h1.shape[1] + 1) ** 0.5 * (h1 @ a["W2"] + a["b2"])
    y = h2 @ w["w_out"] + w["b_out"]
    d_y = d2 @ a["w_out"] + (h2.shape[1] + 1) ** 0.5 * (h2 @ a["w_out"] + a["b_out"])
    z = first + second + y
    dz = EPS32 * (d_first + d_second + d_y + 2 * (first.abs() + second.abs() + y.abs()))
    slope = _sigmoid_slope((z.abs() - 4 * dz).clamp(min=0))
    return {"atol": float((4 * slope * dz).max()) + 4 * EPS32, "rtol": 1e-5}


def _weights(g, n_feat, n_f, k, h1, h2, dtype, v_scale=0.3):
    def r(*shape, scale):
        return (torch.randn(*shape, generator=g, dtype=torch.float64) * scale).to(dtype)

    return {
        "w0": r((), scale=0.5),
        "w": r(n_feat, scale=0.3),
        "V": r(n_feat, k, scale=v_scale),
        "W1": r(n_f * k, h1, scale=(n_f * k) ** -0.5 / v_scale * 0.6),
        "b1": r(h1, scale=0.1),
        "W2": r(h1, h2, scale=h1**-0.5 * 1.4),
        "b2": r(h2, scale=0.1),
        "w_out": r(h2, scale=h2**-0.5),
        "b_out": r((), scale=0.1),
    }


def _inputs(g, b, sizes, numeric, dtype, num_scale=1.0):
    """sizes[f] ids per categorical field (value 1.0); numeric fields: one id, a real value."""
    cols, vals, offset = [], [], 0
    for f, size in enumerate(sizes):
        if f in numeric:
            cols.append(torch.full((b,), offset, dtype=torch.int64))
            vals.append(torch.randn(b, generator=g, dtype=torch.float64) * num_scale)
            offset += 1
        else:
            cols.append(offset + torch.randint(0, size, (b,), generator=g))
            vals.append(torch.ones(b, dtype=torch.float64))
            offset += size
    return torch.stack(cols, dim=1), torch.stack(vals, dim=1).to(dtype), offset


def _case(g, name, b, sizes, numeric=(), k=4, h1=16, h2=8, dtype=torch.float32, v_scale=0.3,
          num_scale=1.0, note=""):  # fmt: skip
    ids, values, n_feat = _inputs(g, b, sizes, set(numeric), dtype, num_scale)
    weights = _weights(g, n_feat, len(sizes), k, h1, h2, dtype, v_scale)
    return Case(name, (ids, values, weights), **_tol(ids, values, weights), note=note)


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    for i in range(12):
        n_f = rint(2, 8)
        sizes = [rint(1, 12) for _ in range(n_f)]
        numeric = [f for f in range(n_f) if i % 3 and rint(0, 2) == 0]
        cases.append(_case(g, f"typical[{i}]", rint(1, 8), sizes, numeric, k=rint(1, 8),
                           h1=rint(2, 16), h2=rint(2, 8),
                           note=f"{n_f} fields, {len(numeric)} numeric"))  # fmt: skip

    cases.append(_case(g, "edge/one_field", 4, [6], note="F = 1: no pair, FM second order = 0"))
    cases.append(_case(g, "edge/k=1", 5, [3, 4, 5], k=1))
    cases.append(_case(g, "edge/all_numeric", 6, [1, 1, 1, 1], numeric=[0, 1, 2, 3],
                       note="values ≠ 1: e_f = V_i·x_f, x_f² in the squares"))  # fmt: skip
    ids, values, n_feat = _inputs(g, 3, [4, 4, 4], {1}, torch.float32)
    values[:, 1] = 0.0
    weights = _weights(g, n_feat, 3, 4, 8, 4, torch.float32)
    cases.append(Case("edge/zero_value", (ids, values, weights), **_tol(ids, values, weights),
                      note="a numeric field with value 0 contributes nothing"))  # fmt: skip
    ids = torch.tensor([[2, 2, 2], [0, 0, 1]])
    values = torch.ones(2, 3)
    weights = _weights(g, 3, 3, 4, 8, 4, torch.float32)
    cases.append(Case("edge/repeated_id", (ids, values, weights), **_tol(ids, values, weights),
                      note="the same feature in several fields: still one term per field"))  # fmt: skip
    cases.append(_case(g, "edge/batch_1", 1, [5, 7, 3, 2], [3]))
    cases.append(_case(g, "edge/float64", 5, [5, 7, 3, 1], [3], dtype=torch.float64))

    cases.append(_case(g, "hard/saturated_logits", 6, [5, 5, 5, 5, 5, 5], k=8, v_scale=3.0,
                       note="|logit| in the hundreds: the sigmoid must not give NaN"))  # fmt: skip
    cases.append(_case(g, "hard/large_numeric_values", 5, [1, 1, 4, 4], numeric=[0, 1],
                       v_scale=0.05, num_scale=30.0,
                       note="(Σe)² and Σe² are large and nearly cancel"))  # fmt: skip

    sizes = [1] * 13 + [int(math.exp(rint(3, 8))) for _ in range(26)]
    cases.append(_case(g, "large/Criteo-like_B=2048,F=39,k=16", 2048, sizes, list(range(13)),
                       k=16, h1=200, h2=100, v_scale=0.1, note="13 numeric + 26 categorical"))  # fmt: skip
    return cases
