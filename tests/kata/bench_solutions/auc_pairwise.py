"""A correct `auc` that compares every positive with every negative (O(P·N)) on inputs up to
8 000 items (the largest bench size): quadratic over the bench sizes, yet it passes the check,
whose 20 000- and 100 000-item cases take the O(n log n) sort below. The bench must warn
about its growth."""

PAIRWISE_UP_TO = 8_000


def roc_auc(y_true, y_score):
    labels = [int(y) for y in y_true]
    scores = [float(s) for s in y_score]
    if len(labels) != len(scores):
        raise ValueError("y_true and y_score have different lengths")
    pos = [s for y, s in zip(labels, scores, strict=True) if y == 1]
    neg = [s for y, s in zip(labels, scores, strict=True) if y == 0]
    if not pos or not neg:
        raise ValueError("only one class is present in y_true")
    if len(labels) <= PAIRWISE_UP_TO:
        total = 0.0
        for p in pos:
            for n in neg:
                if p > n:
                    total += 1.0
                elif p == n:
                    total += 0.5
        return total / (len(pos) * len(neg))
    order = sorted(range(len(labels)), key=scores.__getitem__)
    rank_sum = 0.0
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        rank_sum += (i + j + 2) / 2 * sum(labels[order[t]] for t in range(i, j + 1))
        i = j + 1
    return (rank_sum - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))
