"""Mistake: the labels {0, 1} are used as they are; class 0 must become −1."""

import numpy as np


def svm_train(X, y, lam, lr, epochs):
    s = y.astype(np.float64)
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        m = s * (X @ w + b)
        act = m < 1.0
        gw = lam * w - (s[act] @ X[act]) / n
        gb = 0.0 - float(s[act].sum()) / n
        w, b = w - lr * gw, b - lr * gb
    return w, float(b)
