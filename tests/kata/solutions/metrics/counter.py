"""collections.Counter over (true, pred) pairs."""

from collections import Counter


def binary_metrics(y_true, y_pred):
    c = Counter((int(a), int(b)) for a, b in zip(y_true, y_pred, strict=False))
    tp, fp, fn, tn = c[(1, 1)], c[(0, 1)], c[(1, 0)], c[(0, 0)]
    try:
        precision = tp / (tp + fp)
    except ZeroDivisionError:
        precision = 0.0
    try:
        recall = tp / (tp + fn)
    except ZeroDivisionError:
        recall = 0.0
    try:
        f1 = 2 * precision * recall / (precision + recall)
    except ZeroDivisionError:
        f1 = 0.0
    n = tp + fp + fn + tn
    return dict(
        tp=tp,
        fp=fp,
        fn=fn,
        tn=tn,
        precision=precision,
        recall=recall,
        f1=f1,
        accuracy=(tp + tn) / n,
    )
