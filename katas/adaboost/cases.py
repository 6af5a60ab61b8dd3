"""Generated cases for `adaboost`: noisy rules, exact ties under uniform weights, a perfect
stump (err = 0, clipped), test points on thresholds, zero rounds, many rounds and a large case."""

from __future__ import annotations

import numpy as np

from mlprep.kata.casekit import Case

TOL = {"atol": 1e-9, "rtol": 1e-9}


def _labels(rng, X, noise):
    w = rng.normal(size=X.shape[1])
    margin = np.sin(X @ w) + 0.3 * X[:, 0]
    y = np.where(margin > 0, 1, -1)
    flip = rng.random(len(y)) < noise
    return np.where(flip, -y, y).astype(np.int64)


def _problem(rng, n, d, m, noise=0.1, integer=False):
    if integer:
        X = rng.integers(0, 5, size=(n, d)).astype(np.float64)
        T = rng.integers(-1, 6, size=(m, d)).astype(np.float64) + rng.choice([0.0, 0.5], (m, d))
    else:
        X = rng.uniform(-2, 2, size=(n, d))
        T = rng.uniform(-2.5, 2.5, size=(m, d))
    y = _labels(rng, X, noise)
    y[0], y[1] = 1, -1  # both classes
    X[1, 0] = X[0, 0] + 1.0  # at least one feature with two distinct values
    return X, y, T


def invoke(solution, *args):
    out = solution.adaboost(*args)
    return tuple(out) if isinstance(out, list) and len(out) == 2 else out


def generate(seed: int) -> list[Case]:
    rng = np.random.default_rng(seed)
    cases: list[Case] = []

    for i in range(10):
        n, d, m = int(rng.integers(6, 80)), int(rng.integers(1, 5)), int(rng.integers(1, 30))
        X, y, T = _problem(rng, n, d, m, noise=float(rng.uniform(0.0, 0.3)))
        rounds = int(rng.integers(2, 20))
        cases.append(Case(f"typical[{i}]", (X, y, T, rounds), **TOL,
                          note=f"n={n}, d={d}, rounds={rounds}"))  # fmt: skip
    for i in range(4):
        X, y, T = _problem(rng, int(rng.integers(10, 50)), 3, 20, integer=True)
        cases.append(Case(f"typical_duplicates[{i}]", (X, y, T, 12), **TOL,
                          note="integer features: many exact ties; test values on thresholds"))  # fmt: skip

    x4 = np.array([[0.0], [1.0], [2.0], [3.0]])
    y4 = np.array([1, -1, -1, 1], dtype=np.int64)
    t4 = np.array([[0.2], [3.0], [1.0], [0.5], [2.5]])
    xs = np.array([[0.0, 0.0], [1.0, 2.0], [2.0, 4.0], [3.0, 6.0]])
    ts = np.array([[0.5, 5.0], [2.0, 1.0], [0.0, 7.0]])
    cases += [
        Case("edge/zero_rounds", (x4, y4, t4, 0), **TOL,
             note="alphas: an empty float64 array [0]; scores: zeros"),
        Case("edge/tie_lowest_threshold", (x4, y4, t4, 1), **TOL,
             note="(t=0.5, +1) and (t=2.5, -1) both have err 1/4: the lower threshold wins"),
        Case("edge/tie_lowest_threshold_3_rounds", (x4, y4, t4, 3), **TOL),
        Case("edge/tie_lowest_feature", (xs, np.array([1, 1, -1, 1], dtype=np.int64), ts, 2),
             **TOL, note="feature 1 = 2 * feature 0: feature 0 wins"),
        Case("edge/perfect_stump", (x4, np.array([1, 1, -1, -1], dtype=np.int64), t4, 3), **TOL,
             note="err = 0 is clipped to 1e-10: alpha = ½ ln((1 - 1e-10) / 1e-10) every round"),
        Case("edge/err_half", (np.array([[0.0], [1.0]]), np.array([1, 1], dtype=np.int64),
                               np.array([[0.0], [1.0]]), 2), **TOL,
             note="every stump has err 0.5: alpha = 0"),
        Case("edge/test_on_threshold", (np.array([[1.0], [2.0], [4.0], [5.0]]),
                                        np.array([1, 1, -1, -1], dtype=np.int64),
                                        np.array([[3.0], [1.5], [4.5]]), 1), **TOL,
             note="x = t goes left (x ≤ t)"),
        Case("edge/empty_test", (x4, y4, np.zeros((0, 1)), 2), **TOL, note="scores: shape [0]"),
        Case("edge/one_feature_constant",
             (np.column_stack([np.full(6, 2.0), np.arange(6.0)]),
              np.array([1, -1, 1, 1, -1, -1], dtype=np.int64),
              np.array([[2.0, 2.5], [0.0, -1.0]]), 4), **TOL),
    ]  # fmt: skip

    X, y, T = _problem(rng, 60, 2, 25, noise=0.25)
    cases.append(Case("hard/many_rounds", (X, y, T, 150), **TOL,
                      note="150 rounds: weights spread over many orders of magnitude"))  # fmt: skip
    X, y, T = _problem(rng, 40, 3, 20, noise=0.0)
    cases.append(Case("hard/scaled_features", (X * 1e-6, y, T * 1e-6, 10), **TOL))
    X, y, T = _problem(rng, 1000, 4, 300, noise=0.15)
    cases.append(Case("large/n=1000,d=4,rounds=25", (X, y, T, 25), **TOL))
    return cases
