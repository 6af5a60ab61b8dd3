"""Mistake: the bias is regularised too (lam·b in its gradient)."""

import numpy as np


def svm_train(X, y, lam, lr, epochs):
    s = np.where(y == 1, 1.0, -1.0)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        m = s * (X @ w + b)
        act = m < 1.0
        gw = lam * w - (s[act] @ X[act]) / n
        gb = lam * b - float(s[act].sum()) / n
        w, b = w - lr * gw, b - lr * gb
    return w, float(b)
