"""Kata `logistic_regression`: the L2-regularised logistic loss and its gradient, stably.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata logistic_regression` (or `pytest` in this folder).
"""

from __future__ import annotations

import numpy as np


def logistic_grad(
    w: np.ndarray, b: float, X: np.ndarray, y: np.ndarray, l2: float
) -> tuple[np.ndarray, float, float]:
    """(grad_w [d], grad_b, loss) of mean log loss + (l2/2)||w||^2; the bias is not regularised."""
    raise NotImplementedError("logistic_grad is not written yet")
