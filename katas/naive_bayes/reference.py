"""Reference: per-class counters, log-probabilities, log-sum-exp normalisation.

`predict` compares the joint probabilities exactly (fractions.Fraction), so an exact tie
goes to the smallest label whatever the rounding of the float log sums.
"""

from __future__ import annotations

import math
from collections import Counter
from fractions import Fraction


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

    def _exact_joint(self, doc):
        a = Fraction(self.alpha)  # exact: every float is a binary fraction
        v = len(self.vocab)
        bag = Counter(w for w in doc if w in self.vocab)
        out = {}
        for c in self.classes:
            j = Fraction(self.doc_count[c], self.n_docs)
            denom = self.totals[c] + a * v
            for w, n in bag.items():
                j *= ((self.counts[c][w] + a) / denom) ** n
            out[c] = j
        return out

    def predict(self, doc):
        joint = self._exact_joint(doc)
        best = max(joint.values())
        return min(c for c in self.classes if joint[c] == best)
