"""||x||² − 2x·c + ||c||² distances (ties broken on exact integer data), np.add.at sums."""

import numpy as np


def kmeans(X, init_centers, max_iter):
    C = init_centers.astype(np.float64).copy()
    k = C.shape[0]
    prev = None
    x2 = (X**2).sum(1)[:, None]
    for _it in range(max_iter):
        d2 = x2 - 2 * X @ C.T + (C**2).sum(1)[None, :]
        lab = np.argmin(d2, axis=1)
        if prev is not None and (lab == prev).all():
            break
        prev = lab
        sums = np.zeros_like(C)
        np.add.at(sums, lab, X)
        counts = np.bincount(lab, minlength=k)
        nonempty = counts > 0
        C[nonempty] = sums[nonempty] / counts[nonempty, None]
    return C, prev.astype(np.int64)
