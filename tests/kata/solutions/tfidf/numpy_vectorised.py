"""Count matrix built with np.add.at, idf and normalisation vectorised."""

import numpy as np


def tfidf(docs):
    vocab = sorted(set().union(*docs)) if docs else []
    index = {t: j for j, t in enumerate(vocab)}
    n, V = len(docs), len(vocab)
    counts = np.zeros((n, V))
    rows = [i for i, doc in enumerate(docs) for _ in doc]
    cols = [index[t] for doc in docs for t in doc]
    np.add.at(counts, (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)), 1.0)
    df = (counts > 0).sum(axis=0)
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    W = counts * idf
    norms = np.sqrt((W * W).sum(axis=1, keepdims=True))
    return vocab, np.divide(W, norms, out=np.zeros_like(W), where=norms > 0)
