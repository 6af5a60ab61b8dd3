"""Reference: mid-ranks after one sort, O(n log n), in plain Python."""

from __future__ import annotations


def roc_auc(y_true, y_score):
    labels = [int(y) for y in y_true]
    scores = [float(s) for s in y_score]
    if len(labels) != len(scores):
        raise ValueError("y_true and y_score have different lengths")
    n = len(labels)
    pos = sum(labels)
    neg = n - pos
    if pos == 0 or neg == 0:
        raise ValueError("only one class is present in y_true")
    order = sorted(range(n), key=scores.__getitem__)
    rank_sum = 0.0
    i = 0
    while i < n:
        j = i
        while j + 1 < n and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        mid_rank = (i + j + 2) / 2
        rank_sum += mid_rank * sum(labels[order[t]] for t in range(i, j + 1))
        i = j + 1
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)
