"""Per-feature Python loops (columns as lists of arrays), mask of violators, one update per epoch."""

import numpy as np


def svm_train(X, y, lam, lr, epochs):
    n, d = X.shape
    cols = [X[:, j].copy() for j in range(d)]
    s = np.array([1.0 if v == 1 else -1.0 for v in y.tolist()])
    w = [0.0] * d
    b = 0.0
    for _ in range(epochs):
        f = np.full(n, b)
        for j in range(d):
            f += w[j] * cols[j]
        viol = s * f < 1.0
        sv = s[viol]
        gw = [lam * w[j] - float(np.dot(sv, cols[j][viol])) / n for j in range(d)]
        gb = -float(np.sum(sv)) / n
        w = [w[j] - lr * gw[j] for j in range(d)]
        b = b - lr * gb
    return np.array(w, dtype=np.float64), b
