"""Mistake: the hinge sub-gradient is applied at margin exactly 1 (<= 1); only margins < 1 count."""

import numpy as np


def svm_train(X, y, lam, lr, epochs):
    s = np.where(y == 1, 1.0, -1.0)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        m = s * (X @ w + b)
        act = m <= 1.0
        gw = lam * w - (s[act] @ X[act]) / n
        gb = 0.0 - float(s[act].sum()) / n
        w, b = w - lr * gw, b - lr * gb
    return w, float(b)
