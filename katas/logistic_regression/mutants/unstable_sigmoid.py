"""sigma(z) = e^z / (1 + e^z) and the textbook cross-entropy: inf/inf and log(0) for large |z|."""

import numpy as np


def logistic_grad(w, b, X, y, l2):
    n = X.shape[0]
    z = X @ w + b
    s = np.exp(z) / (1.0 + np.exp(z))
    loss = float(-np.mean(y * np.log(s) + (1 - y) * np.log(1 - s)) + 0.5 * l2 * float(w @ w))
    r = s - y
    return X.T @ r / n + l2 * w, float(r.mean()), loss
