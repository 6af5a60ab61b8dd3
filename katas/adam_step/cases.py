"""Generated cases for `adam_step`: random states at small and large t, the first step, tiny
gradients (eps matters), huge gradients, no decay, empty lists, 0-d tensors, float64, large."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case

EPS32 = 2.0**-23


def invoke(solution, *args, **kwargs):
    out = solution.adamw_step(*args, **kwargs)
    parts_ok = isinstance(out, (list, tuple)) and len(out) == 3
    if parts_ok and all(isinstance(part, (list, tuple)) for part in out):
        return tuple(list(part) for part in out)
    return out


def _tol(params, dtype=torch.float32):
    """float32: p(1 - lr·wd) - lr·m̂/(√v̂ + eps) is a handful of roundings of values of size |p|
    and lr·|m̂/√v̂| (≤ a few lr); 16·eps32·max(1, |p|) leaves a wide margin."""
    scale = max([1.0] + [float(p.abs().max()) for p in params if p.numel()])
    if dtype == torch.float64:
        return {"atol": 1e-12 * scale, "rtol": 1e-12}
    return {"atol": 16 * EPS32 * scale, "rtol": 1e-5}


def _state(g, shapes, step, gscale=1.0, pscale=1.0, dtype=torch.float32):
    def rnd(shape, s):
        return s * torch.randn(tuple(shape), generator=g, dtype=torch.float64)

    params = [rnd(s, pscale).to(dtype) for s in shapes]
    grads = [rnd(s, gscale).to(dtype) for s in shapes]
    if step == 1:
        ms = [torch.zeros(s, dtype=dtype) for s in shapes]
        vs = [torch.zeros(s, dtype=dtype) for s in shapes]
    else:  # plausible running averages of earlier gradients of the same scale
        ms = [(0.5 * rnd(s, gscale)).to(dtype) for s in shapes]
        vs = [(rnd(s, gscale) ** 2 * 0.8 + 0.2 * gscale**2).to(dtype) for s in shapes]
    return params, grads, ms, vs


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    def shapes(k: int) -> list[tuple[int, ...]]:
        return [tuple(rint(1, 7) for _ in range(rint(1, 3))) for _ in range(k)]

    for i in range(12):
        step = [1, 2, 3, 5, 10, 20][i % 6] if i < 9 else rint(50, 2000)
        args = _state(g, shapes(rint(1, 4)), step, gscale=[0.01, 0.1, 1.0][i % 3])
        lr = [1e-3, 3e-4, 1e-2, 5e-2][i % 4]
        wd = [0.01, 0.1, 0.0, 0.05][(i // 2) % 4]
        betas = [(0.9, 0.999), (0.9, 0.95), (0.8, 0.99)][i % 3]
        kwargs = {"lr": lr, "betas": betas, "eps": 1e-8, "weight_decay": wd}
        cases.append(Case(f"typical[{i}]", (*args, step), kwargs, **_tol(args[0]),
                          note=f"t={step}, lr={lr}, wd={wd}, betas={betas}"))  # fmt: skip

    p1, g1, m1, v1 = _state(g, [(5,), (2, 3)], 1)
    zp, zg, zm, zv = _state(g, [(4,)], 1)
    zg = [torch.zeros(4)]
    sp, sg, sm, sv = _state(g, [()], 7)
    cases += [
        Case("edge/defaults_first_step", (p1, g1, m1, v1, 1), **_tol(p1),
             note="defaults lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2; m = v = 0"),
        Case("edge/positional", (p1, g1, m1, v1, 2, 1e-2, (0.9, 0.99), 1e-6, 0.1), **_tol(p1),
             note="every argument positional"),
        Case("edge/no_decay", (p1, g1, m1, v1, 3), {"weight_decay": 0.0}, **_tol(p1)),
        Case("edge/zero_grad_first_step", (zp, zg, zm, zv, 1), {"weight_decay": 0.1}, **_tol(zp),
             note="m = v = 0: the update is 0 / (0 + eps) = 0, only the decay acts"),
        Case("edge/empty", ([], [], [], [], 1), **_tol([]), note="no tensors: ([], [], [])"),
        Case("edge/scalar_tensor", (sp, sg, sm, sv, 7), {"lr": 0.1, "weight_decay": 0.2},
             **_tol(sp), note="0-d tensors"),
        Case("edge/betas_zero", (*_state(g, [(3, 3)], 4), 4), {"betas": (0.0, 0.0), "lr": 0.01},
             **_tol(p1), note="beta = 0: m = g, v = g², no bias correction needed (1 - 0^t = 1)"),
        Case("edge/huge_step", (*_state(g, [(6,)], 10**6), 10**6), {"lr": 0.01}, **_tol(p1),
             note="t = 1e6: beta^t underflows to 0, the corrections are 1"),
    ]  # fmt: skip
    args = _state(g, [(3, 4), (5,)], 6, dtype=torch.float64)
    cases.append(Case("edge/float64", (*args, 6), {"lr": 0.01, "weight_decay": 0.05},
                      **_tol(args[0], torch.float64), note="float64 in, float64 out"))  # fmt: skip

    for i, step in enumerate([1, 4, 30]):
        args = _state(g, [(8, 8)], step, gscale=3e-6)
        cases.append(Case(f"hard/tiny_grads[{i}]", (*args, step), {"lr": 1e-3}, **_tol(args[0]),
                          note=f"|g| ≈ 3e-6, t={step}: √v̂ ≈ 3e-6, so eps = 1e-8 must stay "
                          "outside the root"))  # fmt: skip
    args = _state(g, [(16,)], 9, gscale=1e4)
    cases.append(Case("hard/huge_grads", (*args, 9), {"lr": 1e-3}, **_tol(args[0]),
                      note="|g| ≈ 1e4: v ≈ 1e8 stays finite in float32"))  # fmt: skip
    args = _state(g, [(5, 5)], 12, pscale=300.0)
    cases.append(Case("hard/large_params", (*args, 12), {"lr": 1e-2, "weight_decay": 0.1},
                      **_tol(args[0]), note="|p| ≈ 300: the decay term dominates"))  # fmt: skip

    args = _state(g, [(512, 512), (1024,), (64, 32, 16)], 100, gscale=0.05)
    cases.append(Case("large/3 tensors, 0.3M values", (*args, 100), {"lr": 3e-4},
                      **_tol(args[0])))  # fmt: skip
    return cases
