"""Generated cases for `best_split`: grid-valued features, both criteria, every tie rule, no split, large."""

from __future__ import annotations

import math
from collections import Counter
from itertools import pairwise

import numpy as np

from mlprep.kata.casekit import Case

TOL = {"atol": 1e-9, "rtol": 1e-9}


def _imp(labels: list[int], criterion: str) -> float:
    n = len(labels)
    ps = [c / n for c in Counter(labels).values()]
    if criterion == "gini":
        return 1.0 - sum(p * p for p in ps)
    return -sum(p * math.log2(p) for p in ps)


def _unambiguous(X: np.ndarray, y: np.ndarray, criterion: str) -> bool:
    """No candidate gain lies in the grey zone (1e-12, 1e-7) below the best one."""
    n, d = X.shape
    labels = [int(v) for v in y]
    parent = _imp(labels, criterion)
    gains = []
    for j in range(d):
        vals = np.unique(X[:, j])
        for a, b in pairwise(vals):
            mask = X[:, j] <= (a + b) / 2
            left = [lab for lab, m in zip(labels, mask, strict=True) if m]
            right = [lab for lab, m in zip(labels, mask, strict=True) if not m]
            gains.append(
                parent
                - (len(left) * _imp(left, criterion) + len(right) * _imp(right, criterion)) / n
            )
    if not gains:
        return True
    gap = max(gains) - np.array(gains)
    return not bool(np.any((gap > 1e-12) & (gap < 1e-7)))


def _node(rng: np.random.Generator, n: int, d: int, n_classes: int, criterion: str):
    while True:
        X = np.round(rng.normal(size=(n, d)) * 2, 1)  # grid values: many duplicates
        w = rng.normal(size=d)
        score = X @ w + rng.normal(scale=1.0, size=n)
        y = np.digitize(score, np.quantile(score, np.linspace(0, 1, n_classes + 1)[1:-1]))
        y = (y * 3 + 1).astype(np.int64)  # labels 1, 4, 7, ...: not 0..C-1
        if _unambiguous(X, y, criterion):
            return X, y


def _f(rows: list[list[float]]) -> np.ndarray:
    return np.array(rows, dtype=np.float64)


def _i(vals: list[int]) -> np.ndarray:
    return np.array(vals, dtype=np.int64)


def generate(seed: int) -> list[Case]:
    rng = np.random.default_rng(seed)
    cases: list[Case] = []
    for i in range(14):
        crit = "gini" if i % 2 == 0 else "entropy"
        n, d, c = int(rng.integers(4, 60)), int(rng.integers(1, 5)), int(rng.integers(2, 5))
        X, y = _node(rng, n, d, c, crit)
        cases.append(
            Case(f"typical[{i}]/{crit}", (X, y, crit), **TOL, note=f"n={n}, d={d}, {c} classes")
        )

    col = _f([[1.0], [2.0], [3.0], [4.0]])
    cases += [
        Case("edge/midpoint_threshold", (col, _i([0, 0, 1, 1]), "gini"), **TOL,
             note="perfect split between 2 and 3: threshold 2.5, gain 0.5"),
        Case("edge/entropy_bits", (col, _i([0, 0, 1, 1]), "entropy"), **TOL,
             note="entropy in bits: parent 1.0, gain 1.0"),
        Case("edge/weighted_children", (_f([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]]),
                                        _i([0, 1, 1, 1, 1, 1]), "gini"), **TOL,
             note="best split isolates the single 0: sizes 1 and 5 weigh differently"),
        Case("edge/tie_lowest_feature", (_f([[1.0, 10.0], [2.0, 20.0], [3.0, 30.0], [4.0, 40.0]]),
                                         _i([0, 0, 1, 1]), "gini"), **TOL,
             note="features 0 and 1 split identically: feature 0"),
        Case("edge/tie_lowest_threshold", (_f([[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]]),
                                           _i([0, 1, 1, 1, 1, 0]), "gini"), **TOL,
             note="isolating either end gives the same gain: threshold 1.5"),
        Case("edge/tie_across_features_lower_threshold_later",
             (_f([[5.0, 1.0], [6.0, 2.0], [7.0, 3.0], [8.0, 4.0]]), _i([0, 0, 1, 1]), "entropy"), **TOL,
             note="feature 1 has the lower threshold (2.5 < 6.5), feature 0 still wins"),
        Case("edge/duplicates_between", (_f([[1.0], [1.0], [1.0], [3.0], [3.0], [8.0]]),
                                         _i([2, 2, 5, 5, 5, 5]), "gini"), **TOL,
             note="candidate thresholds are 2.0 and 5.5 only (distinct values)"),
        Case("edge/negative_values", (_f([[-3.5], [-1.0], [0.0], [2.5]]), _i([1, 1, 0, 0]), "entropy"),
             **TOL, note="threshold (−1 + 0) / 2 = −0.5"),
        Case("edge/pure_node", (_f([[1.0, 5.0], [2.0, 4.0], [3.0, 3.0]]), _i([4, 4, 4]), "gini"), **TOL,
             note="every split has gain 0: feature 0, threshold 1.5, gain 0.0"),
        Case("edge/constant_first_feature", (_f([[7.0, 1.0], [7.0, 2.0], [7.0, 3.0]]), _i([0, 1, 1]),
                                             "entropy"), **TOL,
             note="feature 0 has no threshold: feature 1"),
        Case("edge/no_split_constant", (_f([[7.0, 1.0], [7.0, 1.0], [7.0, 1.0]]), _i([0, 1, 1]), "gini"),
             **TOL, note="no feature has two distinct values: None"),
        Case("edge/no_split_single_sample", (_f([[3.0, 4.0]]), _i([1]), "entropy"), **TOL,
             note="one sample: None"),
        Case("edge/three_classes_entropy", (_f([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]]),
                                            _i([0, 0, 1, 1, 2, 2]), "entropy"), **TOL,
             note="parent log2(3) bits; the two best splits tie: threshold 1.5"),
    ]  # fmt: skip

    # hard: many classes, many near-equal candidates (checked to be either exact ties or far apart)
    Xh, yh = _node(rng, 120, 3, 6, "entropy")
    Xg, yg = _node(rng, 120, 3, 6, "gini")
    sym = np.repeat(_f([[0.0], [1.0], [2.0], [3.0]]), 25, axis=0)
    cases += [
        Case("hard/six_classes_entropy", (Xh, yh, "entropy"), **TOL),
        Case("hard/six_classes_gini", (Xg, yg, "gini"), **TOL),
        Case("hard/symmetric_ties_rounding", (sym, np.repeat(_i([0, 1, 1, 0]), 25), "entropy"),
             **TOL, note="thresholds 0.5 and 2.5 tie up to rounding: 0.5"),
    ]  # fmt: skip

    XL, yL = _node(rng, 1500, 8, 3, "gini")
    cases.append(Case("large/n=1500,d=8", (XL, yL, "gini"), **TOL))
    return cases


def bench_inputs(size: int, seed: int) -> tuple[np.ndarray, np.ndarray, str]:
    """`--bench`: `size` samples, 4 continuous features (size - 1 thresholds each), 3 classes, Gini.

    A sort-and-sweep split search is O(d·n log n); one mask per threshold is O(d·n²).
    """
    rng = np.random.default_rng(seed * 1_000_003 + size)
    X = rng.normal(size=(size, 4))
    y = (
        np.digitize(X @ np.array([1.0, -0.5, 0.3, 0.0]) + rng.normal(size=size), [-0.5, 0.5]) * 3
    ).astype(np.int64)
    return X, y, "gini"
