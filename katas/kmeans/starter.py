"""Kata `kmeans`: Lloyd's algorithm from given initial centres.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata kmeans` (or `pytest` in this folder).
"""

from __future__ import annotations

import numpy as np


def kmeans(X: np.ndarray, init_centers: np.ndarray, max_iter: int) -> tuple[np.ndarray, np.ndarray]:
    """(centers float64 [k, d], labels int64 [n]); ties -> lowest index; empty clusters stay."""
    raise NotImplementedError("kmeans is not written yet")
