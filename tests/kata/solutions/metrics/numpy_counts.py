"""numpy masks; F1 from counts (2TP / (2TP + FP + FN)); numpy scalars are returned as is."""

import numpy as np


def binary_metrics(y_true, y_pred):
    t = np.asarray(y_true).astype(bool)
    p = np.asarray(y_pred).astype(bool)
    tp = np.sum(t & p)
    fp = np.sum(~t & p)
    fn = np.sum(t & ~p)
    tn = np.sum(~t & ~p)
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp > 0 else 0.0
    return {
        "tp": int(tp),
        "fp": int(fp),
        "fn": int(fn),
        "tn": int(tn),
        "precision": np.float64(precision),
        "recall": np.float64(recall),
        "f1": np.float64(f1),
        "accuracy": np.float64((tp + tn) / t.size),
    }
