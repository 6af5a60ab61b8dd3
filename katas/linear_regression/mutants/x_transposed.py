"""Mistake: X is treated as [d, n] (samples as columns): Xc Xcᵀ instead of Xcᵀ Xc, X r instead of Xᵀ r."""

import numpy as np


def linear_regression(X, y, lam, method, lr, steps):
    n, d = X.shape
    if method == "closed":
        mu, ybar = X.mean(0), y.mean()
        Xc = X - mu
        w = np.linalg.lstsq(Xc @ Xc.T + n * lam * np.eye(n), Xc @ (y - ybar)[:d], rcond=None)[0]
        return w, float(ybar - mu @ w)
    w, b = np.zeros(d), 0.0
    for _ in range(steps):
        r = X @ w + b - y
        w, b = w - lr * ((X @ r[:d]) / n + lam * w)[:d], b - lr * r.mean()
    return w, float(b)
