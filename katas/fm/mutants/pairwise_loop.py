"""The definition, pair by pair: right, but O(k·n²) per example."""

import numpy as np


def fm_predict(x, w0, w, V):
    B, n = x.shape
    out = np.empty(B)
    for b in range(B):
        xb = x[b]
        inter = 0.0
        for i in range(n):
            if xb[i] == 0:
                continue
            for j in range(i + 1, n):
                inter += float(V[i] @ V[j]) * xb[i] * xb[j]
        out[b] = w0 + xb @ w + inter
    return out
