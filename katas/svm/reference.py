"""Reference: full-batch sub-gradient descent on the L2-regularised mean hinge loss."""

from __future__ import annotations

import numpy as np


def svm_train(X, y, lam, lr, epochs):
    X = np.asarray(X, dtype=np.float64)
    s = np.where(np.asarray(y) == 1, 1.0, -1.0)  # labels {0, 1} -> {-1, +1}
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(epochs):
        margins = s * (X @ w + b)
        active = margins < 1.0  # margin exactly 1: the hinge term contributes nothing
        grad_w = lam * w - (s[active] @ X[active]) / n
        grad_b = -float(s[active].sum()) / n  # the bias is not regularised
        w = w - lr * grad_w
        b = b - lr * grad_b
    return w, float(b)
