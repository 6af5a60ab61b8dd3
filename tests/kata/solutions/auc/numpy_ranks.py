"""Correct, written differently: numpy mid-ranks via unique/inverse counts, numpy float returned."""

import numpy as np


def roc_auc(y_true, y_score):
    y = np.asarray(y_true)
    s = np.asarray(y_score, dtype=np.float64)
    pos = int((y == 1).sum())
    neg = len(y) - pos
    if pos == 0 or neg == 0:
        raise ValueError("roc_auc needs both classes")
    _, inverse, counts = np.unique(s, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    mid = ends - (counts - 1) / 2.0
    ranks = mid[inverse]
    return np.float64((ranks[y == 1].sum() - pos * (pos + 1) / 2) / (pos * neg))
