"""Correct, written differently: brute force with a [thresholds, n] mask per feature, errors as
mask products with the weights; returns a list [alphas, scores]."""

import numpy as np


def adaboost(X_train, y_train, X_test, n_rounds):
    X = np.asarray(X_train, dtype=np.float64)
    y = np.asarray(y_train, dtype=np.float64)
    Xt = np.asarray(X_test, dtype=np.float64)
    n, d = X.shape
    thresholds = []
    for j in range(d):
        u = np.unique(X[:, j])
        thresholds.append((u[:-1] + u[1:]) / 2)
    w = np.ones(n) / n
    alphas = np.zeros(n_rounds)
    scores = np.zeros(len(Xt))
    for r in range(n_rounds):
        errs, keys = [], []
        for j in range(d):
            t = thresholds[j]
            left = X[None, :, j] <= t[:, None]  # [k, n]
            pred = np.where(left, 1.0, -1.0)  # polarity +1
            e_plus = (pred != y) @ w
            e_minus = (pred == y) @ w
            for k in range(len(t)):
                errs += [e_plus[k], e_minus[k]]
                keys += [(j, t[k], 1.0), (j, t[k], -1.0)]
        errs = np.array(errs)
        pick = int(np.flatnonzero(errs <= errs.min() + 1e-9)[0])
        j, t, s = keys[pick]
        h = np.where(X[:, j] <= t, s, -s)
        err = np.clip(w[h != y].sum(), 1e-10, 1 - 1e-10)
        alpha = 0.5 * np.log((1 - err) / err)
        w = w * np.exp(-alpha * y * h)
        w /= w.sum()
        alphas[r] = alpha
        scores += alpha * np.where(Xt[:, j] <= t, s, -s)
    return [alphas, scores]
