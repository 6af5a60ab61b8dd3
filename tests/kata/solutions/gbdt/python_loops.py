"""Correct, written differently: plain Python lists, presorted columns, a sequential scan with
the tie tolerance (replace the best only when clearly better), stumps stored then applied."""

import numpy as np


def gbdt_predict(X_train, y_train, X_test, n_rounds, learning_rate):
    X = [list(map(float, row)) for row in X_train]
    y = [float(v) for v in y_train]
    n, d = len(X), len(X[0])
    orders = [sorted(range(n), key=lambda i, j=j: X[i][j]) for j in range(d)]
    f0 = sum(y) / n
    F = [f0] * n
    stumps = []
    for _ in range(n_rounds):
        r = [y[i] - F[i] for i in range(n)]
        mean_r = sum(r) / n
        node = sum((v - mean_r) ** 2 for v in r)
        total, total2 = sum(r), sum(v * v for v in r)
        cands = []
        for j in range(d):
            order = orders[j]
            s = q = 0.0
            for pos in range(n - 1):
                i, nxt = order[pos], order[pos + 1]
                s += r[i]
                q += r[i] * r[i]
                if X[nxt][j] > X[i][j]:
                    nl, nr = pos + 1, n - pos - 1
                    sse = (q - s * s / nl) + ((total2 - q) - (total - s) ** 2 / nr)
                    t = (X[i][j] + X[nxt][j]) / 2
                    cands.append((sse, j, t, s / nl, (total - s) / nr))
        if not cands:
            stumps.append((None, 0.0, mean_r, mean_r))
            F = [F[i] + learning_rate * mean_r for i in range(n)]
            continue
        best_sse = min(c[0] for c in cands)
        chosen = next(c for c in cands if c[0] <= best_sse + 1e-9 * node)
        _, j, t, lv, rv = chosen
        stumps.append((j, t, lv, rv))
        F = [F[i] + learning_rate * (lv if X[i][j] <= t else rv) for i in range(n)]
    out = []
    for row in X_test:
        p = f0
        for j, t, lv, rv in stumps:
            p += learning_rate * (lv if j is None or float(row[j]) <= t else rv)
        out.append(p)
    return np.array(out, dtype=np.float64).reshape(len(out))
