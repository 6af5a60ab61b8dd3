"""Reference: vectorised distances, a per-cluster update, stop when labels repeat."""

from __future__ import annotations

import numpy as np


def _assign(X, centers):
    d2 = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
    return d2.argmin(axis=1).astype(np.int64)  # first minimum: lowest index on ties


def kmeans(X, init_centers, max_iter):
    centers = np.array(init_centers, dtype=np.float64, copy=True)
    labels = None
    for _ in range(max_iter):
        new_labels = _assign(X, centers)
        if labels is not None and np.array_equal(new_labels, labels):
            break
        labels = new_labels
        for j in range(len(centers)):
            members = labels == j
            if members.any():
                centers[j] = X[members].mean(axis=0)
    return centers, labels
