"""Mistake: the un-centred normal equations [X, 1]ᵀ[X, 1] are solved (intercept unpenalised, but κ² huge)."""

import numpy as np


def linear_regression(X, y, lam, method, lr, steps):
    n, d = X.shape
    if method == "closed":
        Xa = np.hstack([X, np.ones((n, 1))])
        P = n * lam * np.eye(d + 1)
        P[d, d] = 0.0
        theta = np.linalg.solve(Xa.T @ Xa + P, Xa.T @ y)
        return theta[:d], float(theta[d])
    w, b = np.zeros(d), 0.0
    for _ in range(steps):
        r = X @ w + b - y
        w, b = w - lr * (X.T @ r / n + lam * w), b - lr * r.mean()
    return w, float(b)
