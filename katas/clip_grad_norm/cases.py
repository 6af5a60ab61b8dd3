"""Generated cases for `clip_grad_norm`: norms above and below max_norm, norm types 1, 2 and
inf, a norm exactly at max_norm, small norms (the 1e-6 matters), zeros, empty input, large."""

from __future__ import annotations

import numpy as np
import torch

from mlprep.kata.casekit import Case

EPS32 = 2.0**-23


def invoke(solution, *args, **kwargs):
    out = solution.clip_grad_norm(*args, **kwargs)
    if isinstance(out, (list, tuple)) and len(out) == 2:
        clipped, total = out
        if isinstance(clipped, tuple):
            clipped = list(clipped)
        is_scalar_tensor = isinstance(total, torch.Tensor) and total.dim() == 0
        if is_scalar_tensor or isinstance(total, np.floating):
            total = float(total)
        return (clipped, total)
    return out


def _tol(grads, max_norm):
    """Outputs are g · coef (one rounding) and a norm (a float32 reduction: relative error
    well under 1e-6); atol covers values near zero at the scale of the clipped gradients."""
    scale = max([1e-30] + [float(g.abs().max()) for g in grads if g.numel()])
    scale = min(scale, max_norm) if max_norm > 0 else scale
    if grads and grads[0].dtype == torch.float64:
        return {"atol": 1e-13 * scale, "rtol": 1e-11}
    return {"atol": 8 * EPS32 * scale, "rtol": 1e-5}


def _grads(g, shapes, scale, dtype=torch.float32):
    return [(scale * torch.randn(tuple(s), generator=g, dtype=torch.float64)).to(dtype)
            for s in shapes]  # fmt: skip


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    def shapes(k: int) -> list[tuple[int, ...]]:
        return [tuple(rint(1, 9) for _ in range(rint(1, 3))) for _ in range(k)]

    for i in range(12):
        grads = _grads(g, shapes(rint(1, 4)), [0.01, 0.3, 2.0, 10.0][i % 4])
        norm_type = [2.0, 2.0, 1.0, float("inf")][(i // 4 + i) % 4]
        max_norm = [1.0, 0.5, 5.0][i % 3]
        args = (grads, max_norm, norm_type) if i % 2 else (grads, max_norm)
        cases.append(Case(f"typical[{i}]", args, **_tol(grads, max_norm),
                          note=f"max_norm={max_norm}, norm_type={norm_type}"))  # fmt: skip

    q = 2.0**-12
    at = [torch.tensor([3 * q]), torch.tensor([[4 * q]])]
    two = [torch.tensor([30.0, 0.0]), torch.tensor([0.0, 40.0])]
    small = _grads(g, [(4, 4), (7,)], 3e-4)
    cases += [
        Case("edge/card_example", (two, 10.0), **_tol(two, 10.0),
             note="norms 30 and 40: global 50, every gradient × 10/50.00001"),
        Case("edge/below_max_norm", (_grads(g, [(3, 3)], 0.01), 100.0),
             **_tol([torch.ones(1)], 1.0), note="norm ≪ max_norm: unchanged (coef clamped to 1)"),
        Case("edge/exactly_max_norm", (at, 5 * q), **_tol(at, 5 * q),
             note="total = max_norm = 5·2⁻¹²: still scaled by max_norm / (total + 1e-6) < 1"),
        Case("edge/just_below_max_norm", (at, 5 * q + 4e-7), **_tol(at, 5 * q),
             note="total = max_norm - 4e-7: total + 1e-6 > max_norm, so coef < 1 already"),
        Case("edge/zeros", ([torch.zeros(3), torch.zeros(2, 2)], 1.0), **_tol([], 1.0),
             note="total 0: coef = 1 / 1e-6 clamped to 1"),
        Case("edge/empty_list", ([], 1.0), **_tol([], 1.0), note="([], 0.0)"),
        Case("edge/scalar_and_empty_tensor", ([torch.tensor(3.0), torch.zeros(0), torch.tensor([4.0])], 1.0),
             **_tol([torch.ones(1)], 1.0), note="a 0-d tensor and a tensor with no values"),
        Case("edge/inf_norm", (two, 10.0, float("inf")), **_tol(two, 10.0),
             note="inf norm = max |g| = 40"),
        Case("edge/l1_norm", (two, 10.0, 1.0), **_tol(two, 10.0), note="L1 norm = 70"),
        Case("edge/norm_type_int", (two, 60.0, 2), **_tol(two, 60.0),
             note="norm_type given as the int 2; 50 < 60 but no clipping needed"),
    ]  # fmt: skip
    f64 = _grads(g, [(5,), (2, 6)], 1.0, torch.float64)
    huge = _grads(g, [(10,), (3, 3)], 1e15)
    cases += [
        Case("edge/float64", (f64, 0.7), **_tol(f64, 0.7)),
        Case("hard/small_norm", (small, 1e-4), **_tol(small, 1e-4),
             note="total ≈ 1e-3: the 1e-6 in max_norm / (total + 1e-6) changes coef by 0.1%"),
        Case("hard/tiny_max_norm_inf", (small, 2e-5, float("inf")), **_tol(small, 2e-5)),
        Case("hard/huge_grads", (huge, 1.0), **_tol(huge, 1.0),
             note="|g| ≈ 1e15: the squares (1e30) still fit in float32"),
    ]  # fmt: skip
    big = _grads(g, [(512, 1024), (1024, 256), (4096,)], 0.01)
    cases.append(Case("large/0.8M values", (big, 1.0), **_tol(big, 1.0)))
    return cases
