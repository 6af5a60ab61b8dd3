"""Eigenvectors of the small Gram matrix Xc Xcᵀ mapped back with Xcᵀu/s; loops for sign and variance."""

import numpy as np


def pca(X, k):
    n, d = X.shape
    mu = np.mean(X, axis=0)
    Xc = X - mu
    if n <= d:  # kernel trick: eigenvectors of the n x n Gram matrix
        lam, U = np.linalg.eigh(Xc @ Xc.T)
        idx = np.argsort(-lam)[:k]
        V = np.empty((k, d))
        for r, i in enumerate(idx):
            v = Xc.T @ U[:, i]
            V[r] = v / np.linalg.norm(v)
    else:  # SVD of the transpose: left singular vectors of Xcᵀ
        U2, _, _ = np.linalg.svd(Xc.T, full_matrices=False)
        V = U2[:, :k].T.copy()
    for r in range(k):
        j = max(range(d), key=lambda t: abs(V[r, t]))
        if V[r, j] < 0:
            V[r] *= -1.0
    Z = Xc @ V.T
    ev = np.array([float(z @ z) / (n - 1) for z in Z.T])
    total = sum(float(Xc[:, j] @ Xc[:, j]) for j in range(d)) / (n - 1)
    return Z, V, ev, ev / total
