"""Mistake: the explained-variance ratio divides by the top-k variance, not the total variance."""

import numpy as np


def _flip(C):
    p = C[np.arange(len(C)), np.abs(C).argmax(axis=1)]
    return C * np.where(p < 0, -1.0, 1.0)[:, None]


def pca(X, k):
    n = X.shape[0]
    Xc = X - X.mean(0)
    _, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    C = _flip(Vt[:k])
    var = S[:k] ** 2 / (n - 1)
    return Xc @ C.T, C, var, var / var.sum()
