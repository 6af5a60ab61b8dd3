"""Reference: sorted vocabulary, raw counts, smooth idf, L2-normalised rows (zero rows stay zero)."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np


def tfidf(docs):
    vocab = sorted({t for doc in docs for t in doc})
    col = {t: j for j, t in enumerate(vocab)}
    n = len(docs)
    df = Counter(t for doc in docs for t in set(doc))
    idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in vocab], dtype=np.float64)
    M = np.zeros((n, len(vocab)), dtype=np.float64)
    for i, doc in enumerate(docs):
        for t, c in Counter(doc).items():
            M[i, col[t]] = c * idf[col[t]]
        norm = np.linalg.norm(M[i])
        if norm > 0:
            M[i] /= norm
    return vocab, M
