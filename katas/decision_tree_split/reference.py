"""Reference: per feature, sort once and sweep cumulative class counts over the distinct values."""

from __future__ import annotations

import numpy as np

TIE = 1e-9  # gains within TIE of the best one count as equal


def _impurity(counts, criterion):
    """Impurity of every row of `counts` [m, C] (rows with a zero total give 0)."""
    total = counts.sum(axis=1, keepdims=True)
    p = np.divide(counts, total, out=np.zeros_like(counts), where=total > 0)
    if criterion == "gini":
        return 1.0 - (p * p).sum(axis=1)
    logp = np.log2(p, out=np.zeros_like(p), where=p > 0)
    return -(p * logp).sum(axis=1)


def best_split(X, y, criterion):
    n, d = X.shape
    classes, yi = np.unique(y, return_inverse=True)
    onehot = np.zeros((n, len(classes)))
    onehot[np.arange(n), yi] = 1.0
    parent = _impurity(onehot.sum(axis=0, keepdims=True), criterion)[0]
    found = []  # (gain, feature, threshold)
    for j in range(d):
        order = np.argsort(X[:, j], kind="stable")
        xs = X[order, j]
        left = np.cumsum(onehot[order], axis=0)[:-1]  # left counts after each prefix
        cut = np.nonzero(xs[1:] > xs[:-1])[0]  # prefix ends where the value changes
        if len(cut) == 0:
            continue
        left = left[cut]
        right = onehot.sum(axis=0) - left
        n_left = (cut + 1).astype(np.float64)
        child = (
            n_left * _impurity(left, criterion) + (n - n_left) * _impurity(right, criterion)
        ) / n
        gains = parent - child
        thresholds = (xs[cut] + xs[cut + 1]) / 2
        found += [(float(g), j, float(t)) for g, t in zip(gains, thresholds, strict=True)]
    if not found:
        return None
    best = max(g for g, _, _ in found)
    gain, feature, threshold = min(
        ((g, j, t) for g, j, t in found if g >= best - TIE), key=lambda c: (c[1], c[2])
    )
    return feature, threshold, gain
