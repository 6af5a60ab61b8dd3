"""Pegasos-style update w <- (1 - lr*lam) w + (lr/n) sum s x over violators, with s = 2y - 1."""

import numpy as np


def svm_train(X, y, lam, lr, epochs):
    n, d = X.shape
    s = 2.0 * y.astype(np.float64) - 1.0
    w = np.zeros(d, dtype=np.float64)
    b = 0.0
    for _ in range(epochs):
        f = X @ w + b
        viol = (1.0 - s * f) > 0.0
        coef = np.where(viol, s, 0.0)
        w = (1.0 - lr * lam) * w + (lr / n) * (X.T @ coef)
        b = b + (lr / n) * coef.sum()
    return w, b
