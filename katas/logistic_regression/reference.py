"""Reference: softplus via logaddexp, a two-branch stable sigmoid."""

from __future__ import annotations

import numpy as np


def _sigmoid(z):
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out


def logistic_grad(w, b, X, y, l2):
    n = X.shape[0]
    z = X @ w + b
    # -y log s(z) - (1 - y) log(1 - s(z)) = log(1 + e^z) - y z
    loss = float(np.mean(np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * float(w @ w))
    r = _sigmoid(z) - y
    grad_w = X.T @ r / n + l2 * w
    grad_b = float(r.mean())
    return grad_w, grad_b, loss
