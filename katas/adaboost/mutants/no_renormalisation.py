"""The weights are never renormalised, and err is the raw sum of misclassified weights."""

from __future__ import annotations

import numpy as np

TIE = 1e-9  # weighted errors within TIE of the smallest one are tied (weights sum to 1)
CLIP = 1e-10  # err is clipped to [CLIP, 1 - CLIP] before alpha is computed


def _best_stump(X, y, w):
    """(feature, threshold, polarity) of the chosen stump."""
    d = X.shape[1]
    errs, thrs = [], []  # in (feature, threshold, polarity +1 then -1) order
    pos_total = float(w[y > 0].sum())
    neg_total = float(w[y < 0].sum())
    for j in range(d):
        order = np.argsort(X[:, j], kind="stable")
        xs, ys, ws = X[order, j], y[order], w[order]
        pos_left = np.cumsum(np.where(ys > 0, ws, 0.0))
        neg_left = np.cumsum(np.where(ys < 0, ws, 0.0))
        idx = np.nonzero(xs[1:] > xs[:-1])[0]
        thr = (xs[idx] + xs[idx + 1]) / 2
        err_plus = neg_left[idx] + (pos_total - pos_left[idx])  # left +1, right -1
        err_minus = pos_left[idx] + (neg_total - neg_left[idx])  # left -1, right +1
        errs.append(np.stack([err_plus, err_minus], axis=1).reshape(-1))
        thrs.append([(j, t) for t in thr])
    err = np.concatenate(errs)
    k = int(np.flatnonzero(err <= err.min() + TIE)[0])
    j, t = [c for part in thrs for c in part][k // 2]
    return j, float(t), (1, -1)[k % 2]


def _predict(x, t, s):
    return np.where(x <= t, s, -s).astype(np.float64)


def adaboost(X_train, y_train, X_test, n_rounds):
    X = np.asarray(X_train, dtype=np.float64)
    y = np.asarray(y_train).astype(np.float64)
    T = np.asarray(X_test, dtype=np.float64)
    n = len(y)
    w = np.full(n, 1.0 / n)
    alphas = []
    scores = np.zeros(T.shape[0])
    for _ in range(n_rounds):
        j, t, s = _best_stump(X, y, w)
        h = _predict(X[:, j], t, s)
        err = float(w[h != y].sum())
        err = min(max(err, CLIP), 1.0 - CLIP)
        alpha = 0.5 * np.log((1.0 - err) / err)
        w = w * np.exp(-alpha * y * h)
        alphas.append(alpha)
        scores = scores + alpha * _predict(T[:, j], t, s)
    return np.array(alphas, dtype=np.float64), scores
