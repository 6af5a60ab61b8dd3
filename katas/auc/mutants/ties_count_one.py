import numpy as np


def roc_auc(y_true, y_score):
    y = np.asarray(y_true)
    s = np.asarray(y_score, dtype=float)
    pos, neg = s[y == 1], s[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        raise ValueError("only one class")
    neg = np.sort(neg)
    at_least = np.searchsorted(neg, pos, side="right").sum()
    return float(at_least / (len(pos) * len(neg)))
