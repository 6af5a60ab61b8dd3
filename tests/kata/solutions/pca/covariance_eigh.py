"""Eigen-decomposition of the covariance matrix, components sorted by eigenvalue, then flipped."""

import numpy as np


def pca(X, k):
    n = X.shape[0]
    mean = X.sum(axis=0) / n
    Xc = X - mean
    cov = Xc.T @ Xc / (n - 1)
    vals, vecs = np.linalg.eigh(cov)
    order = np.argsort(vals)[::-1]
    vals, vecs = vals[order], vecs[:, order]
    comps = vecs[:, :k].T.copy()
    for i in range(k):
        j = int(np.argmax(np.abs(comps[i])))
        if comps[i, j] < 0:
            comps[i] = -comps[i]
    ev = vals[:k].copy()
    total = float(np.trace(cov))
    return Xc @ comps.T, comps, ev, ev / total
