"""Kata `auc`: ROC AUC with ties counted as one half.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata auc` (or `pytest` in this folder).
"""

from __future__ import annotations

from collections.abc import Sequence


def roc_auc(y_true: Sequence[int], y_score: Sequence[float]) -> float:
    """P(score of a random positive > score of a random negative), ties = 1/2."""
    raise NotImplementedError("roc_auc is not written yet")
