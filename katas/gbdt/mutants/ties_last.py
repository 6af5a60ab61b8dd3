"""Among tied candidate splits the last one wins (highest feature, highest threshold)."""

from __future__ import annotations

import numpy as np

TIE = 1e-9  # candidates within TIE * SSE(node) of the best SSE are tied


def _fit_stump(X, r):
    """(feature, threshold, left value, right value), or None when no split exists."""
    n, d = X.shape
    node_sse = float(((r - r.mean()) ** 2).sum())
    parts = []  # per feature: (sse, feature, threshold, left value, right value) arrays
    for j in range(d):
        order = np.argsort(X[:, j], kind="stable")
        xs, rs = X[order, j], r[order]
        cs, cs2 = np.cumsum(rs), np.cumsum(rs * rs)
        idx = np.nonzero(xs[1:] > xs[:-1])[0]  # left = sorted positions 0..i
        if idx.size == 0:
            continue
        nl = idx + 1.0
        nr = n - nl
        sl, ql = cs[idx], cs2[idx]
        sr, qr = cs[-1] - sl, cs2[-1] - ql
        sse = (ql - sl * sl / nl) + (qr - sr * sr / nr)
        thr = (xs[idx] + xs[idx + 1]) / 2
        parts.append((sse, np.full(idx.size, j), thr, sl / nl, sr / nr))
    if not parts:
        return None
    sse, feat, thr, lv, rv = (np.concatenate(col) for col in zip(*parts, strict=True))
    # candidates are in (feature, threshold) order: wrong: the last tied one wins
    k = int(np.flatnonzero(sse <= sse.min() + TIE * node_sse)[-1])
    return int(feat[k]), float(thr[k]), float(lv[k]), float(rv[k])


def gbdt_predict(X_train, y_train, X_test, n_rounds, learning_rate):
    X = np.asarray(X_train, dtype=np.float64)
    y = np.asarray(y_train, dtype=np.float64)
    T = np.asarray(X_test, dtype=np.float64)
    f0 = y.mean()
    F = np.full(len(y), f0)
    out = np.full(T.shape[0], f0)
    for _ in range(n_rounds):
        r = y - F
        stump = _fit_stump(X, r)
        if stump is None:
            F = F + learning_rate * r.mean()
            out = out + learning_rate * r.mean()
            continue
        j, t, lv, rv = stump
        F = F + learning_rate * np.where(X[:, j] <= t, lv, rv)
        out = out + learning_rate * np.where(T[:, j] <= t, lv, rv)
    return out
