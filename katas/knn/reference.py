"""Reference: exact Euclidean distances, a stable sort, counts with a first-seen tie rule."""

from __future__ import annotations

import numpy as np


def knn_predict(X_train, y_train, X_query, k):
    out = np.empty(len(X_query), dtype=np.int64)
    for q, x in enumerate(X_query):
        dist = np.sqrt(((X_train - x) ** 2).sum(axis=1))
        order = np.argsort(dist, kind="stable")[:k]  # distance ties: smaller training index first
        counts: dict[int, int] = {}
        for i in order:  # dicts keep insertion order: labels in order of their nearest member
            label = int(y_train[i])
            counts[label] = counts.get(label, 0) + 1
        best = max(counts.values())
        out[q] = next(label for label, c in counts.items() if c == best)
    return out
