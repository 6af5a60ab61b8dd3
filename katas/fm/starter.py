"""Kata `fm`: factorization machine prediction with the O(k·n) pairwise term (numpy).

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata fm` (or `pytest` in this folder).
"""

from __future__ import annotations

import numpy as np


def fm_predict(x: np.ndarray, w0: float, w: np.ndarray, V: np.ndarray) -> np.ndarray:
    """w0 + x @ w + sum_{i<j} <V_i, V_j> x_i x_j for each row of x; returns float64 [B]."""
    raise NotImplementedError("fm_predict is not written yet")
