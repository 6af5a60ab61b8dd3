"""Assign first, then loop update -> assign: the last assignment never updates the centres."""

from __future__ import annotations

import numpy as np


def kmeans(X, init_centers, max_iter):
    centers = np.array(init_centers, dtype=np.float64, copy=True)
    d2 = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
    labels = d2.argmin(axis=1)
    for _ in range(max_iter):
        for j in range(len(centers)):
            if (labels == j).any():
                centers[j] = X[labels == j].mean(axis=0)
        d2 = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
        new_labels = d2.argmin(axis=1)
        if np.array_equal(new_labels, labels):
            break
        labels = new_labels
    return centers, labels.astype(np.int64)
