"""Mistake: on equal gains the later candidate wins (>=): highest feature, highest threshold."""

import math
from collections import Counter
from itertools import pairwise


def _imp(labels, criterion):
    n = len(labels)
    if n == 0:
        return 0.0
    ps = [c / n for c in Counter(labels).values()]
    if criterion == "gini":
        return 1.0 - sum(p * p for p in ps)
    return -sum(p * math.log2(p) for p in ps)


def best_split(X, y, criterion):
    n, d = X.shape
    labels = [int(v) for v in y]
    parent = _imp(labels, criterion)
    best = None
    for j in range(d):
        vals = sorted(set(float(v) for v in X[:, j]))
        for a, b in pairwise(vals):
            t = (a + b) / 2
            left = [labels[i] for i in range(n) if X[i, j] <= t]
            right = [labels[i] for i in range(n) if X[i, j] > t]
            gain = parent - (
                len(left) / n * _imp(left, criterion) + len(right) / n * _imp(right, criterion)
            )
            if best is None or gain >= best[2] - 1e-9:
                best = (j, t, gain)
    return best
