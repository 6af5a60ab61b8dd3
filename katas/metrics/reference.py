"""Reference: count the four cells in one pass, then guarded divisions."""

from __future__ import annotations


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def binary_metrics(y_true, y_pred):
    tp = fp = fn = tn = 0
    for t, p in zip(y_true, y_pred, strict=True):
        t, p = int(t), int(p)
        if t == 1 and p == 1:
            tp += 1
        elif t == 0 and p == 1:
            fp += 1
        elif t == 1 and p == 0:
            fn += 1
        else:
            tn += 1
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": float(precision),
        "recall": float(recall),
        "f1": float(f1),
        "accuracy": (tp + tn) / (tp + fp + fn + tn),
    }
