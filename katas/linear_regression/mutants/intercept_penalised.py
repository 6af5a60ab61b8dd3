"""Mistake: the intercept is regularised too (ridge on [X, 1] solved stably; lam*b in the GD step)."""

import numpy as np


def linear_regression(X, y, lam, method, lr, steps):
    n, d = X.shape
    if method == "closed":
        Xa = np.hstack([X, np.ones((n, 1))])
        A = np.vstack([Xa, np.sqrt(n * lam) * np.eye(d + 1)])
        theta = np.linalg.lstsq(A, np.concatenate([y, np.zeros(d + 1)]), rcond=None)[0]
        return theta[:d], float(theta[d])
    w, b = np.zeros(d), 0.0
    for _ in range(steps):
        r = X @ w + b - y
        w, b = w - lr * (X.T @ r / n + lam * w), b - lr * (r.mean() + lam * b)
    return w, float(b)
