"""Mistake: the L2 term is missing from the update (no lam·w in the gradient)."""

import numpy as np


def svm_train(X, y, lam, lr, epochs):
    s = np.where(y == 1, 1.0, -1.0)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        m = s * (X @ w + b)
        act = m < 1.0
        gw = 0.0 - (s[act] @ X[act]) / n
        gb = 0.0 - float(s[act].sum()) / n
        w, b = w - lr * gw, b - lr * gb
    return w, float(b)
