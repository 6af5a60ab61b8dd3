"""Dictionaries per document, math.log and math.hypot-free manual norms; numpy only for the output."""

import math

import numpy as np


def tfidf(docs):
    n = len(docs)
    df = {}
    tfs = []
    for doc in docs:
        tf = {}
        for t in doc:
            tf[t] = tf.get(t, 0) + 1
        tfs.append(tf)
        for t in tf:
            df[t] = df.get(t, 0) + 1
    vocab = sorted(df)
    pos = {t: j for j, t in enumerate(vocab)}
    out = np.zeros((n, len(vocab)), dtype=np.float64)
    for i, tf in enumerate(tfs):
        weights = {t: c * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in tf.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        for t, w in weights.items():
            out[i, pos[t]] = w / norm
    return vocab, out
