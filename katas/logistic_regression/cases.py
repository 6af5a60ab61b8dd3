"""Generated cases for `logistic_grad`: typical, edge, huge |z| (overflow), larger batches."""

from __future__ import annotations

import numpy as np

from mlprep.kata.casekit import Case

TOL = {"atol": 1e-10, "rtol": 1e-8}


def _data(rng: np.random.Generator, n: int, d: int, w_scale: float = 1.0, x_scale: float = 1.0):
    X = rng.normal(scale=x_scale, size=(n, d))
    w = rng.normal(scale=w_scale, size=d)
    b = float(rng.normal())
    p = 1 / (1 + np.exp(-np.clip(X @ w + b, -50, 50)))
    y = (rng.random(n) < p).astype(np.float64)
    return w, b, X, y


def generate(seed: int) -> list[Case]:
    rng = np.random.default_rng(seed)
    cases: list[Case] = []

    for i in range(12):
        n, d = int(rng.integers(1, 40)), int(rng.integers(1, 8))
        w, b, X, y = _data(rng, n, d)
        l2 = [0.0, 0.1, 1.0, 0.01][i % 4]
        cases.append(Case(f"typical[{i}]", (w, b, X, y, l2), **TOL, note=f"l2={l2}"))

    w, b, X, y = _data(rng, 6, 3)
    cases += [
        Case("edge/zero_params", (np.zeros(3), 0.0, X, y, 0.5), **TOL,
             note="z = 0: loss = ln 2, the L2 term is 0"),
        Case("edge/single_sample", (np.array([0.5, -1.0]), 0.3, np.array([[1.0, 2.0]]),
                                    np.array([1.0]), 0.2), **TOL),
        Case("edge/all_positive_labels", (w, b, X, np.ones(6), 0.1), **TOL),
        Case("edge/all_negative_labels", (w, b, X, np.zeros(6), 0.1), **TOL),
        Case("edge/bias_only_large_l2", (np.zeros(3), 2.5, X, y, 10.0), **TOL,
             note="w = 0, b ≠ 0: a regularised bias shows here"),
        Case("edge/large_b_and_l2", (w, -3.0, X, y, 2.0), **TOL),
        Case("edge/no_regularisation", (w, b, X, y, 0.0), **TOL),
    ]  # fmt: skip

    # huge |z|: e^z overflows float64 beyond ~709
    X = rng.normal(size=(8, 4))
    w = rng.normal(size=4) * 400
    z = X @ w + 1.0
    y_right = (z > 0).astype(np.float64)
    cases += [
        Case("hard/large_z_confident_right", (w, 1.0, X, y_right, 0.0), **TOL,
             note=f"|z| up to {np.abs(z).max():.0f}; loss ≈ 0"),
        Case("hard/large_z_confident_wrong", (w, 1.0, X, 1 - y_right, 0.0), **TOL,
             note="loss ≈ mean |z|, the gradient saturates at ±1"),
        Case("hard/large_z_mixed_l2", (w, 1.0, X, (rng.random(8) < 0.5).astype(np.float64), 1e-3),
             **TOL),
        Case("hard/z=±5000", (np.array([1000.0]), 0.0, np.array([[5.0], [-5.0], [5.0], [-5.0]]),
                              np.array([1.0, 0.0, 0.0, 1.0]), 0.0), **TOL),
        Case("hard/z=-40_small_sigmoid", (np.array([1.0]), -40.0, np.array([[0.0], [1.0]]),
                                          np.array([0.0, 1.0]), 0.0), **TOL,
             note="σ(z) ≈ 4e-18"),
    ]  # fmt: skip

    w, b, X, y = _data(rng, 2000, 16)
    cases.append(Case("large/n=2000,d=16", (w, b, X, y, 0.05), **TOL, timeout=5.0))
    return cases
