"""Reference: centre, thin SVD, flip each component so its largest-|value| entry is positive."""

from __future__ import annotations

import numpy as np


def pca(X, k):
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    Xc = X - X.mean(axis=0)
    _, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[:k].copy()
    # sign convention: the entry of largest absolute value in each component is positive
    pivots = components[np.arange(k), np.abs(components).argmax(axis=1)]
    components *= np.where(pivots < 0, -1.0, 1.0)[:, None]
    variances = S**2 / (n - 1)
    explained_variance = variances[:k].copy()
    ratio = explained_variance / variances.sum()
    return Xc @ components.T, components, explained_variance, ratio
