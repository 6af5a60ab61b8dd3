"""Mistake: the sign is fixed on U (largest-|value| entry of each column of U positive), not on the component."""

import numpy as np


def pca(X, k):
    n = X.shape[0]
    Xc = X - X.mean(0)
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    p = U[np.abs(U).argmax(axis=0), np.arange(U.shape[1])]
    C = Vt[:k] * np.where(p[:k] < 0, -1.0, 1.0)[:, None]
    var = S**2 / (n - 1)
    return Xc @ C.T, C, var[:k], var[:k] / var.sum()
