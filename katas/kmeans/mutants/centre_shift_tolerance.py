"""Stops when the centres stop moving (np.allclose), not when the assignment repeats."""

from __future__ import annotations

import numpy as np


def _assign(X, centers):
    d2 = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
    return d2.argmin(axis=1).astype(np.int64)


def kmeans(X, init_centers, max_iter):
    centers = np.array(init_centers, dtype=np.float64, copy=True)
    for _ in range(max_iter):
        labels = _assign(X, centers)
        new = centers.copy()
        for j in range(len(centers)):
            members = labels == j
            if members.any():
                new[j] = X[members].mean(axis=0)
        moved = not np.allclose(new, centers)
        centers = new
        if not moved:
            break
    return centers, labels
