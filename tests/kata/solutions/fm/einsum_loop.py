"""einsum, one example at a time, factors as the outer loop."""

import numpy as np


def fm_predict(x, w0, w, V):
    out = np.empty(x.shape[0], dtype=np.float64)
    for b in range(x.shape[0]):
        xb = x[b]
        total = 0.0
        for f in range(V.shape[1]):
            v = V[:, f]
            s = np.dot(v, xb)
            total += s * s - np.einsum("i,i,i,i->", v, v, xb, xb)
        out[b] = w0 + np.dot(xb, w) + total / 2
    return out
