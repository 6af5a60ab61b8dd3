"""Mistake: among equally distant training points the one with the larger index is taken first."""

import numpy as np


def knn_predict(X_train, y_train, X_query, k):
    n = len(X_train)
    out = np.empty(len(X_query), dtype=np.int64)
    for q, x in enumerate(X_query):
        dist = np.sqrt(((X_train - x) ** 2).sum(1))
        order = sorted(range(n), key=lambda i: (dist[i], -i))[:k]
        counts: dict[int, int] = {}
        for i in order:
            counts[int(y_train[i])] = counts.get(int(y_train[i]), 0) + 1
        best = max(counts.values())
        out[q] = next(lab for lab, c in counts.items() if c == best)
    return out
