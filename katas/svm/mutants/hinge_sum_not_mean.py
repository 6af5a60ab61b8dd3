"""Mistake: the hinge sub-gradient is summed over the samples, not averaged (1/n missing)."""

import numpy as np


def svm_train(X, y, lam, lr, epochs):
    s = np.where(y == 1, 1.0, -1.0)
    _, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        m = s * (X @ w + b)
        act = m < 1.0
        gw = lam * w - (s[act] @ X[act]) / 1
        gb = 0.0 - float(s[act].sum()) / 1
        w, b = w - lr * gw, b - lr * gb
    return w, float(b)
