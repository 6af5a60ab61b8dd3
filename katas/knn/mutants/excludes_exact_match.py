"""Mistake: a training point at distance 0 is skipped (leave-one-out thinking: "the query itself")."""

import numpy as np


def knn_predict(X_train, y_train, X_query, k):
    out = np.empty(len(X_query), dtype=np.int64)
    for q, x in enumerate(X_query):
        dist = np.sqrt(((X_train - x) ** 2).sum(1))
        order = [i for i in np.argsort(dist, kind="stable") if dist[i] > 0][:k]
        if not order:
            order = [int(np.argmin(dist))]
        counts: dict[int, int] = {}
        for i in order:
            counts[int(y_train[i])] = counts.get(int(y_train[i]), 0) + 1
        best = max(counts.values())
        out[q] = next(lab for lab, c in counts.items() if c == best)
    return out
