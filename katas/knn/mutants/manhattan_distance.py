"""Mistake: L1 (Manhattan) distance instead of Euclidean."""

import numpy as np


def knn_predict(X_train, y_train, X_query, k):
    out = np.empty(len(X_query), dtype=np.int64)
    for q, x in enumerate(X_query):
        order = np.argsort(np.abs(X_train - x).sum(1), kind="stable")[:k]
        counts: dict[int, int] = {}
        for i in order:
            counts[int(y_train[i])] = counts.get(int(y_train[i]), 0) + 1
        best = max(counts.values())
        out[q] = next(lab for lab, c in counts.items() if c == best)
    return out
