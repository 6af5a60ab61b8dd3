"""Reference: the O(k·n) identity, vectorised over the batch."""

from __future__ import annotations


def fm_predict(x, w0, w, V):
    linear = w0 + x @ w
    sum_sq = (x @ V) ** 2  # [B, k]: (sum_i V_if x_i)^2
    sq_sum = (x * x) @ (V * V)  # [B, k]: sum_i V_if^2 x_i^2
    return linear + 0.5 * (sum_sq - sq_sum).sum(axis=1)
