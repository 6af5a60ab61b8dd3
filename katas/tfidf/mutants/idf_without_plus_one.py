"""Mistake: idf = ln((1 + n) / (1 + df)) without the final + 1: a token in every document gets weight 0."""

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
            M[i, col[t]] = c * (math.log((1 + n) / (1 + df[t])))
        norm = np.linalg.norm(M[i])
        if norm > 0:
            M[i] /= norm
    return vocab, M
