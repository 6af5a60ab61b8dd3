"""Generated cases for `din_attention`: random masks, padding garbage, saturated MLPs, long histories.

Tolerances come from a float32 error bound of the computation on each case's own inputs
(the size of every term that is summed), not from the reference's arithmetic.
"""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case

EPS32 = 2.0**-23


def _weights(g, d, h1, h2, dtype=torch.float32, scale=1.0):
    def u(*shape, fan_in):
        return ((torch.rand(*shape, generator=g, dtype=torch.float64) * 2 - 1) * fan_in**-0.5).to(
            dtype
        )

    return {
        "W1": u(4 * d, h1, fan_in=4 * d) * scale,
        "b1": u(h1, fan_in=4 * d),
        "W2": u(h1, h2, fan_in=h1) * 4,
        "b2": u(h2, fan_in=h1),
        "w3": u(h2, fan_in=h2) * 4,
        "b3": u((), fan_in=h2),
    }


def _tol(candidate, behaviors, mask, weights):
    """atol from a float32 forward error bound on this case's own inputs.

    Each sum of n terms gets an error of about sqrt(n)·eps·(sum of |terms|); the sigmoids pass
    at most 1/4 of their input's error on; the pooled output sums T terms |w_t|·|e_t| whose
    weights carry their own error δw_t.
    """
    if candidate.dtype == torch.float64:
        return {"atol": 1e-10, "rtol": 1e-9}
    w = {k: v.double() for k, v in weights.items()}
    wa = {k: v.abs() for k, v in w.items()}
    a = candidate.double().unsqueeze(1).expand_as(behaviors)
    e = torch.where(mask.unsqueeze(-1), behaviors.double(), 0.0)
    x = torch.cat([a, e, a - e, a * e], dim=-1)
    n1, n2, n3 = x.shape[-1] + 1, w["W2"].shape[0] + 1, w["w3"].shape[0] + 1
    z1 = x @ w["W1"] + w["b1"]
    d1 = n1**0.5 * (x.abs() @ wa["W1"] + wa["b1"])  # error of z1, in units of eps
    h1 = torch.sigmoid(z1)
    z2 = h1 @ w["W2"] + w["b2"]
    d2 = (0.25 * d1 + 1) @ wa["W2"] + n2**0.5 * (h1 @ wa["W2"] + wa["b2"])
    h2 = torch.sigmoid(z2)
    wt = h2 @ w["w3"] + w["b3"]
    dw = (0.25 * d2 + 1) @ wa["w3"] + n3**0.5 * (h2 @ wa["w3"] + wa["b3"])
    t = e.shape[1]
    em = mask.double()
    terms = ((wt.abs() * em).unsqueeze(-1) * e.abs()).sum(dim=1)  # [B, d]
    errs = ((dw * em).unsqueeze(-1) * e.abs()).sum(dim=1)
    bound = float((errs + max(t, 1) ** 0.5 * terms).max())
    return {"atol": 4 * EPS32 * bound + 1e-7, "rtol": 1e-5}


def _case(g, name, b, t, d, h1=16, h2=8, p=0.7, scale=1.0, wscale=1.0, dtype=torch.float32,
          garbage=50.0, mask=None, note=""):  # fmt: skip
    cand = torch.randn(b, d, generator=g, dtype=torch.float64) * scale
    beh = torch.randn(b, t, d, generator=g, dtype=torch.float64) * scale
    if mask is None:
        mask = torch.rand(b, t, generator=g) < p
    pad = torch.randn(b, t, d, generator=g, dtype=torch.float64) * garbage
    beh = torch.where(mask.unsqueeze(-1), beh, pad)  # padded slots hold garbage, not zeros
    args = (cand.to(dtype), beh.to(dtype), mask, _weights(g, d, h1, h2, dtype, wscale))
    return Case(name, args, **_tol(*args), note=note)


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    for i in range(12):
        b, t, d = rint(1, 5), rint(1, 12), [2, 4, 8, 16][rint(0, 3)]
        h1, h2 = rint(4, 20), rint(2, 10)
        if i % 3 == 0:  # a length (prefix) mask, the usual padded batch
            lengths = torch.randint(1, t + 1, (b,), generator=g)
            mask = torch.arange(t).unsqueeze(0) < lengths.unsqueeze(1)
            cases.append(_case(g, f"typical[{i}]", b, t, d, h1, h2, mask=mask, note="prefix mask"))
        else:
            cases.append(_case(g, f"typical[{i}]", b, t, d, h1, h2, note="scattered mask"))

    t = 6
    cases.append(_case(g, "edge/no_padding", 3, t, 8, mask=torch.ones(3, t, dtype=torch.bool)))
    mask = torch.ones(3, 5, dtype=torch.bool)
    mask[1] = False
    cases.append(_case(g, "edge/user_without_history", 3, 5, 4, mask=mask,
                       note="row 1 has no valid behaviour: its output is 0"))  # fmt: skip
    cases.append(_case(g, "edge/T=1", 4, 1, 8, mask=torch.ones(4, 1, dtype=torch.bool)))
    mask = torch.zeros(2, 7, dtype=torch.bool)
    mask[0, 3] = mask[1, 6] = True
    cases.append(_case(g, "edge/one_valid_behaviour", 2, 7, 4, mask=mask,
                       note="softmax would give weight exactly 1"))  # fmt: skip
    cases.append(_case(g, "edge/d=1", 3, 5, 1, h1=3, h2=2))
    cand = torch.randn(2, 4, generator=g)
    beh = cand.unsqueeze(1).repeat(1, 5, 1)
    mask = torch.ones(2, 5, dtype=torch.bool)
    args = (cand, beh, mask, _weights(g, 4, 8, 4))
    cases.append(Case("edge/behaviours_equal_candidate", args, **_tol(*args),
                      note="candidate − behaviour = 0"))  # fmt: skip
    cases.append(_case(g, "edge/float64", 3, 6, 8, dtype=torch.float64))
    cases.append(_case(g, "edge/identical_rows_many", 2, 9, 4, p=0.3))

    cases.append(_case(g, "hard/large_embeddings", 3, 8, 8, scale=20.0,
                       note="|e| ~ 20: the product term ~ 400, the sigmoids saturate"))  # fmt: skip
    cases.append(_case(g, "hard/large_mlp_weights", 3, 8, 8, wscale=30.0))
    cases.append(_case(g, "hard/huge_padding", 3, 10, 4, p=0.5, garbage=1e4,
                       note="padded slots hold values ~1e4"))  # fmt: skip

    cases.append(_case(g, "large/B=32,T=200,d=32", 32, 200, 32, h1=80, h2=40, p=0.8))
    cases.append(_case(g, "large/B=2,T=1000,d=16", 2, 1000, 16, h1=36, h2=18, p=0.5))
    return cases
