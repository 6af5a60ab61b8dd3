"""Generated cases for `wide_deep`: binary crosses, dense features, saturated logits, large batch.

Tolerances come from a float32 forward error bound of the logit on each case's own inputs,
pushed through the sigmoid's slope (see `_tol`).
"""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case

EPS32 = 2.0**-23


def _rss(err: torch.Tensor, w_abs: torch.Tensor) -> torch.Tensor:
    """Independent rounding errors pushed through a layer add in quadrature: sqrt(err² @ W²)."""
    return ((err * err) @ (w_abs * w_abs)).sqrt()


def _tol(wide_x, deep_ids, dense, weights):
    """δlogit in units of eps (each n-term sum: sqrt(n)·Σ|terms|), then δp ≤ σ'(|z| − δz)·δz."""
    if wide_x.dtype == torch.float64:
        return {"atol": 1e-10, "rtol": 1e-9}
    w = {k: v.double() for k, v in weights.items()}
    a = {k: v.abs() for k, v in w.items()}
    xw = wide_x.double()
    y_wide = xw @ w["w_wide"]
    d_wide = (xw.shape[1] + 1) ** 0.5 * (xw.abs() @ a["w_wide"])
    a0 = torch.cat([w["emb"][deep_ids].flatten(1), dense.double()], dim=1)
    n1 = a0.shape[1] + 1
    h1 = torch.relu(a0 @ w["W1"] + w["b1"])
    d1 = n1**0.5 * (a0.abs() @ a["W1"] + a["b1"])
    h2 = torch.relu(h1 @ w["W2"] + w["b2"])
    d2 = _rss(d1, a["W2"]) + (h1.shape[1] + 1) ** 0.5 * (h1 @ a["W2"] + a["b2"])
    y_deep = h2 @ w["w_deep"]
    d_deep = _rss(d2, a["w_deep"]) + (h2.shape[1] + 1) ** 0.5 * (h2 @ a["w_deep"])
    z = y_wide + y_deep + w["b"]
    dz = EPS32 * (d_wide + d_deep + 2 * (y_wide.abs() + y_deep.abs() + a["b"]))
    s = torch.sigmoid((z.abs() - 4 * dz).clamp(min=0))
    return {"atol": float((4 * s * (1 - s) * dz).max()) + 4 * EPS32, "rtol": 1e-5}


def _case(g, name, b, n_wide, sizes, n_dense, k=4, h1=16, h2=8, dtype=torch.float32,
          wide_scale=0.5, deep_scale=1.0, bias=None, wide_binary=True, note=""):  # fmt: skip
    def r(*shape, scale):
        return (torch.randn(*shape, generator=g, dtype=torch.float64) * scale).to(dtype)

    if wide_binary:  # raw binary features and their cross-products, e.g. AND(app=X, seen=Y)
        wide_x = (torch.rand(b, n_wide, generator=g) < 0.3).to(dtype)
    else:
        wide_x = r(b, n_wide, scale=1.0)
    offsets = torch.tensor([0, *sizes[:-1]]).cumsum(0) if sizes else torch.zeros(0)
    cols = [
        int(o) + torch.randint(0, s, (b,), generator=g) for o, s in zip(offsets, sizes, strict=True)
    ]
    deep_ids = torch.stack(cols, dim=1) if cols else torch.zeros(b, 0, dtype=torch.int64)
    dense = r(b, n_dense, scale=1.0)
    n_in = len(sizes) * k + n_dense
    weights = {
        "w_wide": r(n_wide, scale=wide_scale),
        "emb": r(max(sum(sizes), 1), k, scale=1.0),
        "W1": r(n_in, h1, scale=max(n_in, 1) ** -0.5 * 1.4),
        "b1": r(h1, scale=0.1),
        "W2": r(h1, h2, scale=h1**-0.5 * 1.4),
        "b2": r(h2, scale=0.1),
        "w_deep": r(h2, scale=h2**-0.5 * deep_scale),
        "b": r((), scale=1.0) if bias is None else torch.tensor(bias, dtype=dtype),
    }
    args = (wide_x, deep_ids, dense, weights)
    return Case(name, args, **_tol(*args), note=note)


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    for i in range(12):
        sizes = [rint(2, 20) for _ in range(rint(1, 6))]
        cases.append(_case(g, f"typical[{i}]", rint(2, 8), rint(1, 20), sizes, rint(0, 5),
                           k=rint(2, 8), h1=rint(2, 16), h2=rint(2, 8),
                           wide_binary=i % 2 == 0))  # fmt: skip

    cases.append(_case(g, "edge/no_dense_features", 4, 6, [5, 5], 0))
    cases.append(_case(g, "edge/one_wide_feature", 5, 1, [4, 3], 2))
    cases.append(_case(g, "edge/batch_1", 1, 8, [6, 2, 3], 3))
    cases.append(_case(g, "edge/zero_bias", 5, 8, [6, 2, 3], 3, bias=0.0,
                       note="b = 0: the bias is read from the weights, not assumed"))  # fmt: skip
    cases.append(_case(g, "edge/large_bias", 5, 8, [6, 2, 3], 3, bias=-2.5))
    cases.append(_case(g, "edge/negative_deep_logits", 6, 6, [4, 4], 2, deep_scale=3.0, bias=0.5,
                       note="deep logits of both signs, some well below 0"))  # fmt: skip
    cases.append(_case(g, "edge/float64", 5, 8, [6, 2, 3], 3, dtype=torch.float64))
    x = torch.zeros(3, 5)
    c = _case(g, "edge/no_active_wide", 3, 5, [3, 3], 1)
    cases.append(Case("edge/no_active_wide", (x, *c.args[1:]), **_tol(x, *c.args[1:]),
                      note="every wide feature 0: the wide logit is 0"))  # fmt: skip

    cases.append(_case(g, "hard/saturated_logits", 6, 10, [5, 5, 5], 2, wide_scale=40.0,
                       deep_scale=40.0, note="|logit| ~ 100: the sigmoid must not give NaN"))  # fmt: skip
    cases.append(_case(g, "hard/dense_real_wide", 5, 30, [4, 4], 4, wide_binary=False,
                       wide_scale=0.1))  # fmt: skip

    cases.append(_case(g, "large/B=2048,wide=1000,F=8", 2048, 1000, [50] * 8, 16, k=16,
                       h1=256, h2=128, wide_scale=0.05))  # fmt: skip
    return cases
