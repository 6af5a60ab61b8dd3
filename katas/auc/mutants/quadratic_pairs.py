"""The seed's pairwise version: right on ties, but O(P·N)."""


def roc_auc(y_true, y_score):
    pairs = list(zip(y_true, y_score, strict=False))
    pos = [s for y, s in pairs if y == 1]
    neg = [s for y, s in pairs if y == 0]
    if not pos or not neg:
        raise ValueError("only one class")
    total = 0.0
    for p in pos:
        for n in neg:
            if p > n:
                total += 1
            elif p == n:
                total += 0.5
    return total / (len(pos) * len(neg))
