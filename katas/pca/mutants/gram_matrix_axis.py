"""Mistake: eigenvectors of Xc Xcᵀ ([n, n], the sample axis) are taken as the components."""

import numpy as np


def _flip(C):
    p = C[np.arange(len(C)), np.abs(C).argmax(axis=1)]
    return C * np.where(p < 0, -1.0, 1.0)[:, None]


def pca(X, k):
    n = X.shape[0]
    Xc = X - X.mean(0)
    lam, U = np.linalg.eigh(Xc @ Xc.T)
    order = np.argsort(lam)[::-1][:k]
    C = _flip(U[:, order].T)
    var = lam[order] / (n - 1)
    return Xc @ Xc.T @ C.T, C, var, var / (np.trace(Xc @ Xc.T) / (n - 1))
