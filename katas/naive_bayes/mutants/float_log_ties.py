"""Ties decided on float sums of logs: rounding, not the smallest label, picks the winner."""

from __future__ import annotations

import math
from collections import Counter


class MultinomialNB:
    def fit(self, docs, labels, alpha=1.0):
        self.alpha = alpha
        self.classes = sorted(set(labels))
        self.doc_count = Counter(labels)
        self.n_docs = len(labels)
        self.counts = {c: Counter() for c in self.classes}
        for doc, label in zip(docs, labels, strict=True):
            self.counts[label].update(doc)
        self.vocab = set()
        for doc in docs:
            self.vocab.update(doc)
        self.totals = {c: sum(self.counts[c].values()) for c in self.classes}
        return self

    def _joint(self, doc):
        v = len(self.vocab)
        out = {}
        for c in self.classes:
            denom = self.totals[c] + self.alpha * v
            s = math.log(self.doc_count[c] / self.n_docs)
            for w in doc:
                if w in self.vocab:
                    s += math.log((self.counts[c][w] + self.alpha) / denom)
            out[c] = s
        return out

    def predict_log_proba(self, doc):
        joint = self._joint(doc)
        m = max(joint.values())
        log_z = m + math.log(sum(math.exp(s - m) for s in joint.values()))
        return {c: s - log_z for c, s in joint.items()}

    def predict(self, doc):
        joint = self._joint(doc)
        return min(self.classes, key=lambda c: (-joint[c], c))
