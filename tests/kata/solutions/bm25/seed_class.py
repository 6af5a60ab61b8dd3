"""The seed's class design (idf table, per-document tf), fixed for empty corpora."""

import math
from collections import Counter


class BM25:
    def __init__(self, documents, k1=1.5, b=0.75):
        self.k1, self.b = k1, b
        self.documents = documents
        self.doc_count = len(documents)
        total = sum(len(d) for d in documents)
        self.avg_doc_len = total / self.doc_count if self.doc_count else 0.0
        df = {}
        for doc in documents:
            for word in set(doc):
                df[word] = df.get(word, 0) + 1
        self.idf = {w: math.log((self.doc_count - c + 0.5) / (c + 0.5) + 1) for w, c in df.items()}

    def score(self, query, doc):
        if self.avg_doc_len == 0:
            return 0.0
        tf = Counter(doc)
        length = len(doc)
        s = 0.0
        for word in query:
            f = tf[word]
            if f == 0:
                continue
            s += (
                self.idf[word]
                * f
                * (self.k1 + 1)
                / (f + self.k1 * (1 - self.b + self.b * length / self.avg_doc_len))
            )
        return s


def bm25_scores(query, docs, k1=1.5, b=0.75):
    model = BM25(docs, k1, b)
    return [model.score(query, d) for d in docs]
