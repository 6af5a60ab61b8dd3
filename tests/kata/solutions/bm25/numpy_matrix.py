"""A term-frequency matrix over the query's distinct tokens, weighted by query counts."""

from collections import Counter

import numpy as np


def bm25_scores(query, docs, k1=1.5, b=0.75):
    if not docs:
        return []
    lengths = np.array([len(d) for d in docs], dtype=np.float64)
    avgdl = lengths.mean()
    if avgdl == 0:
        return [0.0 for _ in docs]
    qcount = Counter(query)
    terms = list(qcount)
    if not terms:
        return [0.0 for _ in docs]
    index = {t: j for j, t in enumerate(terms)}
    tf = np.zeros((len(docs), len(terms)))
    for i, d in enumerate(docs):
        for tok in d:
            j = index.get(tok)
            if j is not None:
                tf[i, j] += 1
    n_t = (tf > 0).sum(axis=0)
    N = len(docs)
    idf = np.log1p((N - n_t + 0.5) / (n_t + 0.5))
    denom = tf + k1 * (1 - b + b * lengths / avgdl)[:, None]
    part = np.divide(tf * (k1 + 1), denom, out=np.zeros_like(tf), where=tf > 0)
    weights = np.array([qcount[t] for t in terms], dtype=np.float64)
    return [float(s) for s in part @ (idf * weights)]
