"""Mistake: the signs are left as the SVD routine returns them (no sign convention)."""

import numpy as np


def pca(X, k):
    n = X.shape[0]
    Xc = X - X.mean(0)
    _, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    C = Vt[:k]
    var = S**2 / (n - 1)
    return Xc @ C.T, C, var[:k], var[:k] / var.sum()
