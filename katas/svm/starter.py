"""Kata `svm`: a linear soft-margin SVM trained by sub-gradient descent on the hinge loss.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata svm` (or `pytest` in this folder).
"""

from __future__ import annotations

import numpy as np


def svm_train(
    X: np.ndarray, y: np.ndarray, lam: float, lr: float, epochs: int
) -> tuple[np.ndarray, float]:
    """(w float64 [d], b float) after `epochs` full-batch sub-gradient steps (see the task)."""
    raise NotImplementedError("svm_train is not written yet")
