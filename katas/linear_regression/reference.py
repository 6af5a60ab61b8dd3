"""Reference: ridge via least squares on the centred, augmented system; plain batch GD."""

from __future__ import annotations

import numpy as np


def linear_regression(X, y, lam, method, lr, steps):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    if method == "closed":
        mu, ybar = X.mean(axis=0), y.mean()
        # min (1/2n)||Xc w - yc||^2 + (lam/2)||w||^2  ==  lstsq on [Xc; sqrt(n lam) I] w = [yc; 0]
        A = np.vstack([X - mu, np.sqrt(n * lam) * np.eye(d)])
        rhs = np.concatenate([y - ybar, np.zeros(d)])
        w = np.linalg.lstsq(A, rhs, rcond=None)[0]
        return w, float(ybar - mu @ w)
    w = np.zeros(d)
    b = 0.0
    for _ in range(steps):
        r = X @ w + b - y  # residuals at the current (w, b)
        grad_w = X.T @ r / n + lam * w
        grad_b = float(r.mean())
        w = w - lr * grad_w  # simultaneous update: both gradients use the old (w, b)
        b = b - lr * grad_b
    return w, float(b)
