"""Mistake: off by one, only k - 1 neighbours vote (e.g. slicing [1:k] or range(k - 1))."""

import numpy as np


def knn_predict(X_train, y_train, X_query, k):
    out = np.empty(len(X_query), dtype=np.int64)
    for q, x in enumerate(X_query):
        order = np.argsort(np.sqrt(((X_train - x) ** 2).sum(1)), kind="stable")[: max(k - 1, 1)]
        counts: dict[int, int] = {}
        for i in order:
            counts[int(y_train[i])] = counts.get(int(y_train[i]), 0) + 1
        best = max(counts.values())
        out[q] = next(lab for lab, c in counts.items() if c == best)
    return out
