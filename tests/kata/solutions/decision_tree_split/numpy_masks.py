"""Brute force: every midpoint of np.unique values, boolean masks, np.bincount impurities."""

import numpy as np


def _impurity(y_codes, k, criterion):
    if len(y_codes) == 0:
        return 0.0
    p = np.bincount(y_codes, minlength=k) / len(y_codes)
    if criterion == "gini":
        return 1.0 - float(np.sum(p**2))
    p = p[p > 0]
    return float(-np.sum(p * np.log2(p)))


def best_split(X, y, criterion):
    n, d = X.shape
    _, codes = np.unique(y, return_inverse=True)
    k = int(codes.max()) + 1
    parent = _impurity(codes, k, criterion)
    best = None
    for j in range(d):
        vals = np.unique(X[:, j])
        for t in (vals[:-1] + vals[1:]) / 2:
            mask = X[:, j] <= t
            nl = int(mask.sum())
            child = (nl * _impurity(codes[mask], k, criterion)
                     + (n - nl) * _impurity(codes[~mask], k, criterion)) / n  # fmt: skip
            gain = parent - child
            if best is None or gain > best[2] + 1e-9:
                best = (j, float(t), gain)
    return best
