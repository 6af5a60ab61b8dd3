"""Closed form by a hand-written Cholesky solve of the centred normal equations; GD via the Gram matrix."""

import numpy as np


def _cholesky_solve(A, rhs):
    d = len(A)
    L = np.zeros_like(A)
    for j in range(d):
        s = A[j, j] - L[j, :j] @ L[j, :j]
        L[j, j] = np.sqrt(s)
        for i in range(j + 1, d):
            L[i, j] = (A[i, j] - L[i, :j] @ L[j, :j]) / L[j, j]
    z = np.zeros(d)
    for i in range(d):
        z[i] = (rhs[i] - L[i, :i] @ z[:i]) / L[i, i]
    x = np.zeros(d)
    for i in reversed(range(d)):
        x[i] = (z[i] - L[i + 1 :, i] @ x[i + 1 :]) / L[i, i]
    return x


def linear_regression(X, y, lam, method, lr, steps):
    n, d = X.shape
    if method == "closed":
        mx, my = X.sum(0) / n, y.sum() / n
        Xc = X - mx
        w = _cholesky_solve(Xc.T @ Xc + n * lam * np.eye(d), Xc.T @ (y - my))
        return w, float(my - mx @ w)
    G, s, Xty, sy = X.T @ X, X.sum(0), X.T @ y, y.sum()
    w, b = np.zeros(d), 0.0
    for _ in range(steps):
        gw = (G @ w + s * b - Xty) / n + lam * w
        gb = (s @ w + n * b - sy) / n
        w, b = w - lr * gw, b - lr * gb
    return w, b
