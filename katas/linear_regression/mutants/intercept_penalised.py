"""Mistake: the intercept is regularised too (closed form on [X, 1]; lam*b in the GD step)."""

import numpy as np


def linear_regression(X, y, lam, method, lr, steps):
    n, d = X.shape
    if method == "closed":
        Xa = np.hstack([X, np.ones((n, 1))])
        theta = np.linalg.solve(Xa.T @ Xa + n * lam * np.eye(d + 1), Xa.T @ y)
        return theta[:d], float(theta[d])
    w, b = np.zeros(d), 0.0
    for _ in range(steps):
        r = X @ w + b - y
        w, b = w - lr * (X.T @ r / n + lam * w), b - lr * (r.mean() + lam * b)
    return w, float(b)
