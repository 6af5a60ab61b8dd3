"""Mistake: idf = ln(n / df) + 1, without the +1 smoothing of numerator and denominator."""

import math
from collections import Counter

import numpy as np


def tfidf(docs):
    vocab = sorted({t for doc in docs for t in doc})
    col = {t: j for j, t in enumerate(vocab)}
    n = len(docs)
    df = Counter(t for doc in docs for t in set(doc))
    M = np.zeros((n, len(vocab)))
    for i, doc in enumerate(docs):
        for t, c in Counter(doc).items():
            M[i, col[t]] = c * (math.log(n / df[t]) + 1)
        norm = np.linalg.norm(M[i])
        if norm > 0:
            M[i] /= norm
    return vocab, M
