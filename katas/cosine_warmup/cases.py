"""Generated cases for `cosine_warmup`: every boundary step (0, warmup - 1, warmup, warmup + 1,
the middle, total - 1, total, beyond), no warmup, warmup = total, min_lr = base_lr, all steps."""

from __future__ import annotations

import random

import numpy as np

from mlprep.kata.casekit import Case


def invoke(solution, steps, *args, **kwargs):
    """The schedule at every step of `steps` (one call per step); numpy floats read as floats."""
    out = []
    for t in steps:
        lr = solution.cosine_warmup_lr(int(t), *args, **kwargs)
        out.append(float(lr) if isinstance(lr, np.floating) else lr)
    return out


def _tol(base_lr: float) -> dict[str, float]:
    """A few float64 roundings of values ≤ base_lr (1 + cos cancels near the end: absolute)."""
    return {"atol": 1e-13 * base_lr, "rtol": 1e-12}


def _boundaries(w: int, total: int) -> list[int]:
    mid = w + (total - w) // 2
    near = [0, 1, w - 1, w, w + 1, mid, total - 1, total, total + 1, total + 7, 2 * total + 3]
    return sorted({t for t in near if t >= 0})


def generate(seed: int) -> list[Case]:
    rng = random.Random(seed)
    cases: list[Case] = []

    for i in range(12):
        w = rng.randint(1, 200)
        total = w + rng.randint(1, 2000)
        base = rng.choice([1e-3, 3e-4, 0.1, 1.0, 6e-4])
        min_lr = rng.choice([0.0, 0.1 * base, 0.01 * base, base / 3])
        steps = sorted(set(_boundaries(w, total) + [rng.randint(0, total + 50) for _ in range(12)]))
        kwargs = {"min_lr": min_lr} if i % 3 else {}
        if not kwargs:
            min_lr = 0.0
        cases.append(Case(f"typical[{i}]", (steps, base, w, total), kwargs, **_tol(base),
                          note=f"warmup={w}, total={total}, min_lr={min_lr:g}"))  # fmt: skip

    b = 1e-3
    cases += [
        Case("edge/boundaries_min_lr", (_boundaries(10, 110), b, 10, 110, 1e-4), **_tol(b),
             note="t = warmup gives base_lr, t = total gives min_lr, t > total stays at min_lr"),
        Case("edge/no_warmup", (_boundaries(0, 50), b, 0, 50), {"min_lr": 2e-4}, **_tol(b),
             note="warmup_steps = 0: base_lr at t = 0"),
        Case("edge/warmup_1", (list(range(0, 8)), b, 1, 5), **_tol(b),
             note="warmup_steps = 1: 0 at t = 0, base_lr at t = 1"),
        Case("edge/warmup_equals_total", (list(range(0, 12)), b, 8, 8), {"min_lr": 1e-5},
             **_tol(b), note="no cosine phase: base_lr at t = warmup, min_lr after"),
        Case("edge/zero_total", ([0, 1, 2], b, 0, 0), {"min_lr": 1e-5}, **_tol(b),
             note="warmup = total = 0: base_lr at t = 0, min_lr after"),
        Case("edge/min_equals_base", (_boundaries(5, 40), b, 5, 40), {"min_lr": b}, **_tol(b),
             note="constant base_lr after warmup"),
        Case("edge/quarter_points", ([100, 125, 150, 175, 200], 1.0, 100, 200), **_tol(1.0),
             note="½(1 + cos(π/4)) ≈ 0.854, ½, ½(1 - cos(π/4)) ≈ 0.146"),
        Case("edge/positional_min_lr", (_boundaries(3, 30), 0.5, 3, 30, 0.05), **_tol(0.5)),
        Case("edge/far_beyond_total", ([1000, 1500, 1999, 2000, 2500, 10**6], 0.01, 0, 1000),
             {"min_lr": 0.001}, **_tol(0.01), note="the cosine must not rise again after total"),
    ]  # fmt: skip

    cases.append(Case("hard/tiny_base_lr", (_boundaries(20, 1000), 1e-12, 20, 1000, 1e-14),
                      **_tol(1e-12), note="base_lr = 1e-12: an absolute tolerance would hide it"))  # fmt: skip
    cases.append(Case("large/every_step", (list(range(0, 10_050)), 3e-4, 500, 10_000, 3e-5),
                      **_tol(3e-4), note="every step from 0 to total + 49"))  # fmt: skip
    return cases
