"""Plain sums; a zero denominator gives the int 0 (accepted where a float is expected)."""


def binary_metrics(y_true, y_pred):
    pairs = [(int(t), int(p)) for t, p in zip(y_true, y_pred, strict=True)]
    tp = sum(1 for t, p in pairs if t == 1 and p == 1)
    fp = sum(1 for t, p in pairs if t == 0 and p == 1)
    fn = sum(1 for t, p in pairs if t == 1 and p == 0)
    tn = len(pairs) - tp - fp - fn
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": tp / (tp + fp) if tp + fp else 0,
        "recall": tp / (tp + fn) if tp + fn else 0,
        "f1": 2 * tp / (2 * tp + fp + fn) if tp else 0,
        "accuracy": (tp + tn) / len(pairs),
    }
