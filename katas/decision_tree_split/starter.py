"""Kata `decision_tree_split`: the best split of one decision-tree node (Gini or entropy).

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata decision_tree_split` (or `pytest` in this folder).
"""

from __future__ import annotations

import numpy as np


def best_split(X: np.ndarray, y: np.ndarray, criterion: str) -> tuple[int, float, float] | None:
    """(feature, threshold, gain) of the best `x[feature] <= threshold` split, or None."""
    raise NotImplementedError("best_split is not written yet")
