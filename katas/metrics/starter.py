"""Kata `metrics`: confusion matrix, precision, recall, F1 and accuracy for binary labels.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata metrics` (or `pytest` in this folder).
"""

from __future__ import annotations

from collections.abc import Sequence


def binary_metrics(y_true: Sequence[int], y_pred: Sequence[int]) -> dict:
    """{'tp', 'fp', 'fn', 'tn': int, 'precision', 'recall', 'f1', 'accuracy': float}; x/0 -> 0.0."""
    raise NotImplementedError("binary_metrics is not written yet")
