"""Correct, written differently: pure Python, a running-sum scan over each presorted column,
a sequential best with the 1e-9 tie tolerance (replace only when clearly lower)."""

import math

import numpy as np


def adaboost(X_train, y_train, X_test, n_rounds):
    X = [list(map(float, r)) for r in X_train]
    y = [int(v) for v in y_train]
    n, d = len(X), len(X[0])
    orders = [sorted(range(n), key=lambda i, j=j: X[i][j]) for j in range(d)]
    w = [1.0 / n] * n
    alphas, stumps = [], []
    for _ in range(n_rounds):
        pos_total = sum(w[i] for i in range(n) if y[i] > 0)
        neg_total = sum(w[i] for i in range(n) if y[i] < 0)
        best = None
        for j in range(d):
            pl = nl = 0.0
            o = orders[j]
            for p in range(n - 1):
                i = o[p]
                if y[i] > 0:
                    pl += w[i]
                else:
                    nl += w[i]
                a, b = X[i][j], X[o[p + 1]][j]
                if b > a:
                    t = (a + b) / 2
                    for err, s in ((nl + pos_total - pl, 1), (pl + neg_total - nl, -1)):
                        if best is None or err < best[0] - 1e-9:
                            best = (err, j, t, s)
        _, j, t, s = best
        h = [s if X[i][j] <= t else -s for i in range(n)]
        err = sum(w[i] for i in range(n) if h[i] != y[i])
        err = min(max(err, 1e-10), 1 - 1e-10)
        alpha = 0.5 * math.log((1 - err) / err)
        w = [w[i] * math.exp(-alpha * y[i] * h[i]) for i in range(n)]
        total = sum(w)
        w = [v / total for v in w]
        alphas.append(alpha)
        stumps.append((j, t, s))
    scores = []
    for row in X_test:
        scores.append(
            sum(
                a * (s if float(row[j]) <= t else -s)
                for a, (j, t, s) in zip(alphas, stumps, strict=True)
            )
        )
    return (np.array(alphas, dtype=np.float64), np.array(scores, dtype=np.float64))
