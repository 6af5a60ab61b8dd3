"""Plain loops with a strict < scan (lowest index wins), sums and counts per cluster."""

import numpy as np


def kmeans(X, init_centers, max_iter):
    C = [list(map(float, c)) for c in init_centers]
    pts = [list(map(float, p)) for p in X]
    k, d = len(C), X.shape[1]
    labels = None
    for _ in range(max_iter):
        new = []
        for p in pts:
            best, best_d = 0, None
            for j, c in enumerate(C):
                dist = sum((a - b) ** 2 for a, b in zip(p, c, strict=False))
                if best_d is None or dist < best_d:
                    best, best_d = j, dist
            new.append(best)
        if new == labels:
            break
        labels = new
        sums = [[0.0] * d for _ in range(k)]
        counts = [0] * k
        for p, j in zip(pts, labels, strict=False):
            counts[j] += 1
            for t in range(d):
                sums[j][t] += p[t]
        for j in range(k):
            if counts[j]:
                C[j] = [s / counts[j] for s in sums[j]]
    return np.array(C, dtype=np.float64).reshape(k, d), np.array(labels, dtype=np.int64)
