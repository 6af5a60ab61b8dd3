"""One sort per feature, class counts moved from right to left while sweeping; pure Python maths."""

import math


def _imp(counts, total, criterion):
    if total == 0:
        return 0.0
    if criterion == "gini":
        return 1.0 - sum((c / total) ** 2 for c in counts.values())
    return -sum(c / total * (math.log(c / total) / math.log(2)) for c in counts.values() if c)


def best_split(X, y, criterion):
    n, d = X.shape
    labels = [int(v) for v in y]
    total = {}
    for lab in labels:
        total[lab] = total.get(lab, 0) + 1
    parent = _imp(total, n, criterion)
    candidates = []
    for j in range(d):
        pairs = sorted((float(X[i, j]), labels[i]) for i in range(n))
        left = {lab: 0 for lab in total}
        right = dict(total)
        for pos in range(n - 1):
            value, lab = pairs[pos]
            left[lab] += 1
            right[lab] -= 1
            nxt = pairs[pos + 1][0]
            if nxt == value:
                continue
            nl = pos + 1
            child = nl / n * _imp(left, nl, criterion) + (n - nl) / n * _imp(
                right, n - nl, criterion
            )
            candidates.append((parent - child, j, (value + nxt) / 2))
    if not candidates:
        return None
    top = max(c[0] for c in candidates)
    gain, j, t = min((c for c in candidates if top - c[0] <= 1e-10), key=lambda c: (c[1], c[2]))
    return j, t, gain
