"""Generated cases for `gbdt`: random regressions, exact ties, thresholds hit by test points,
degenerate data (no split possible, one sample, zero rounds), large offsets and a large case."""

from __future__ import annotations

import numpy as np

from mlprep.kata.casekit import Case


def _tol(y: np.ndarray) -> dict[str, float]:
    scale = float(np.abs(y).max()) if y.size else 1.0
    return {"atol": 1e-9 * max(1.0, scale), "rtol": 1e-9}


def _problem(rng, n, d, m, noise=0.3, integer=False):
    if integer:
        X = rng.integers(0, 4, size=(n, d)).astype(np.float64)
        T = rng.integers(-1, 5, size=(m, d)).astype(np.float64) + rng.choice([0.0, 0.5], (m, d))
    else:
        X = rng.uniform(-3, 3, size=(n, d))
        T = rng.uniform(-3.5, 3.5, size=(m, d))
    w = rng.normal(size=d)
    y = np.sin(X @ w) * 2 + 0.5 * X[:, 0] ** 2 + noise * rng.normal(size=n)
    return X, y, T


def generate(seed: int) -> list[Case]:
    rng = np.random.default_rng(seed)
    cases: list[Case] = []

    for i in range(10):
        n, d, m = int(rng.integers(5, 80)), int(rng.integers(1, 5)), int(rng.integers(1, 30))
        X, y, T = _problem(rng, n, d, m)
        rounds = int(rng.integers(1, 25))
        lr = float(rng.choice([0.05, 0.1, 0.3, 0.5, 1.0]))
        cases.append(Case(f"typical[{i}]", (X, y, T, rounds, lr), **_tol(y),
                          note=f"n={n}, d={d}, rounds={rounds}, lr={lr}"))  # fmt: skip

    for i in range(4):
        X, y, T = _problem(rng, int(rng.integers(10, 60)), 3, 20, integer=True)
        cases.append(Case(f"typical_duplicates[{i}]", (X, y, T, 10, 0.3), **_tol(y),
                          note="integer features 0..3: thresholds only between distinct values; "
                          "test values sit on thresholds (x.5)"))  # fmt: skip

    x4 = np.array([[0.0], [1.0], [2.0], [3.0]])
    y4 = np.array([0.0, 4.0, 4.0, 0.0])
    xs = np.array([[0.0, 0.0], [1.0, 2.0], [2.0, 4.0], [3.0, 6.0]])
    ts = np.array([[0.5, 3.0], [1.0, 1.0], [0.2, 5.0], [2.7, 0.5]])
    cases += [
        Case("edge/zero_rounds", (x4, y4, np.array([[9.0], [-9.0]]), 0, 0.1), **_tol(y4),
             note="no stump: the mean of y everywhere"),
        Case("edge/tie_lowest_threshold", (x4, y4, np.array([[0.4], [1.0], [2.0], [2.6]]), 1, 1.0),
             **_tol(y4), note="t=0.5 and t=2.5 give the same SSE: the lower threshold wins"),
        Case("edge/tie_lowest_feature", (xs, np.array([0.0, 0.0, 8.0, 8.0]), ts, 1, 1.0),
             atol=1e-9, rtol=1e-9,
             note="feature 1 = 2 * feature 0: same partitions, feature 0 wins"),
        Case("edge/test_on_threshold", (np.array([[1.0], [2.0], [4.0]]), np.array([1.0, 3.0, 9.0]),
                                        np.array([[1.5], [3.0], [2.5]]), 2, 0.5),
             **_tol(np.array([9.0])), note="test x equal to a threshold goes left (x ≤ t)"),
        Case("edge/single_sample", (np.array([[2.0, 5.0]]), np.array([7.5]),
                                    np.array([[0.0, 0.0], [3.0, 9.0]]), 5, 0.3),
             **_tol(np.array([7.5])), note="no split possible: prediction = y"),
        Case("edge/constant_features", (np.ones((6, 2)), np.array([1.0, 2, 3, 4, 5, 10]),
                                        np.array([[1.0, 1.0], [0.0, 2.0]]), 3, 0.5),
             **_tol(np.array([10.0])), note="no feature has two distinct values: no split"),
        Case("edge/one_constant_feature",
             (np.column_stack([np.full(8, 3.0), np.arange(8.0)]), np.arange(8.0) ** 2,
              np.array([[0.0, 2.2], [5.0, 6.6], [3.0, -1.0]]), 4, 0.5),
             **_tol(np.array([49.0])), note="feature 0 is constant, only feature 1 splits"),
        Case("edge/empty_test", (x4, y4, np.zeros((0, 1)), 3, 0.1), **_tol(y4),
             note="no test rows: an empty float64 array [0]"),
        Case("edge/lr_1_one_round", (x4, np.array([1.0, 1.0, 5.0, 5.0]), x4, 1, 1.0),
             **_tol(np.array([5.0])), note="one stump at full rate fits a step exactly"),
    ]  # fmt: skip

    X, y, T = _problem(rng, 60, 3, 25)
    cases.append(
        Case(
            "hard/large_offset",
            (X, y + 1e6, T, 15, 0.2),
            **_tol(y + 1e6),
            note="y around 1e6: the start F0 = mean(y) matters",
        )
    )
    X, y, T = _problem(rng, 50, 2, 20, noise=0.0)
    cases.append(Case("hard/many_rounds", (X, y, T, 200, 0.5), **_tol(y),
                      note="200 rounds: the residuals become tiny"))  # fmt: skip
    X, y, T = _problem(rng, 40, 2, 20)
    cases.append(
        Case(
            "hard/negative_lr_scale",
            (X * 1e-3, -y * 1e3, T * 1e-3, 8, 0.1),
            **_tol(y * 1e3),
            note="small features, large negative targets",
        )
    )

    X, y, T = _problem(rng, 1000, 4, 300)
    cases.append(Case("large/n=1000,d=4,rounds=30", (X, y, T, 30, 0.1), **_tol(y)))
    return cases
