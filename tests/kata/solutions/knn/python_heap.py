"""Plain Python: heapq.nsmallest on (squared distance, index), Counter, earliest tied label."""

import heapq
from collections import Counter

import numpy as np


def knn_predict(X_train, y_train, X_query, k):
    train = [tuple(map(float, row)) for row in X_train]
    labels = [int(v) for v in y_train]
    result = []
    for q in X_query:
        qq = tuple(map(float, q))
        dists = (
            (sum((a - b) ** 2 for a, b in zip(p, qq, strict=True)), i) for i, p in enumerate(train)
        )
        nearest = heapq.nsmallest(k, dists)
        votes = Counter(labels[i] for _, i in nearest)
        top = max(votes.values())
        for _, i in nearest:
            if votes[labels[i]] == top:
                result.append(labels[i])
                break
    return np.array(result, dtype=np.int64)
