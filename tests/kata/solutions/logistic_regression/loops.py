"""Plain Python loops with math; each sample handled by the sign of z."""

import math

import numpy as np


def logistic_grad(w, b, X, y, l2):
    n, d = X.shape
    gw = [0.0] * d
    gb = 0.0
    total = 0.0
    for i in range(n):
        z = b + sum(X[i, j] * w[j] for j in range(d))
        if z >= 0:
            s = 1 / (1 + math.exp(-z))
            softplus = z + math.log1p(math.exp(-z))
        else:
            e = math.exp(z)
            s = e / (1 + e)
            softplus = math.log1p(e)
        total += softplus - y[i] * z
        r = s - y[i]
        gb += r
        for j in range(d):
            gw[j] += X[i, j] * r
    grad_w = np.array([g / n + l2 * w[j] for j, g in enumerate(gw)], dtype=np.float64)
    reg = 0.5 * l2 * sum(float(v) * float(v) for v in w)
    return grad_w, gb / n, total / n + reg
