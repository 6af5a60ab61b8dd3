"""Length normalisation without b: k1 * |d| / avgdl."""

from __future__ import annotations

import math
from collections import Counter


def bm25_scores(query, docs, k1=1.5, b=0.75):
    n_docs = len(docs)
    if n_docs == 0:
        return []
    avgdl = sum(len(d) for d in docs) / n_docs
    if avgdl == 0:
        return [0.0] * n_docs
    df: Counter[str] = Counter()
    for d in docs:
        df.update(set(d))
    idf = {t: math.log((n_docs - n + 0.5) / (n + 0.5) + 1) for t, n in df.items()}
    scores = []
    for d in docs:
        tf = Counter(d)
        norm = k1 * len(d) / avgdl
        score = 0.0
        for t in query:
            f = tf.get(t, 0)
            if f:
                score += idf[t] * f * (k1 + 1) / (f + norm)
        scores.append(score)
    return scores
