"""Kata `tfidf`: the TF-IDF matrix of tokenised documents (scikit-learn's default variant).

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata tfidf` (or `pytest` in this folder).
"""

from __future__ import annotations

import numpy as np


def tfidf(docs: list[list[str]]) -> tuple[list[str], np.ndarray]:
    """(sorted vocabulary, float64 [n_docs, len(vocab)] with L2-normalised rows)."""
    raise NotImplementedError("tfidf is not written yet")
