"""Exact arithmetic: joint probabilities as fractions.Fraction (ties decided exactly), logs of big ints."""

import math
from collections import Counter
from fractions import Fraction


def _log(q):
    """log of a positive Fraction without going through a float (which would underflow)."""
    return math.log(q.numerator) - math.log(q.denominator)


class MultinomialNB:
    def fit(self, docs, labels, alpha=1.0):
        a = Fraction(alpha)  # exact: alpha is a float with an exact binary value
        self.labels = sorted(set(labels))
        vocab = {w for d in docs for w in d}
        self.vocab = vocab
        self.prior = {c: Fraction(labels.count(c), len(labels)) for c in self.labels}
        self.p = {}
        for c in self.labels:
            counts = Counter(w for d, lab in zip(docs, labels, strict=True) if lab == c for w in d)
            denom = sum(counts.values()) + a * len(vocab)
            self.p[c] = {w: (counts[w] + a) / denom for w in vocab}
        return self

    def _joint(self, doc):
        bag = Counter(w for w in doc if w in self.vocab)
        out = {}
        for c in self.labels:
            j = self.prior[c]
            for w, n in bag.items():
                j *= self.p[c][w] ** n
            out[c] = j
        return out

    def predict_log_proba(self, doc):
        joint = self._joint(doc)
        total = sum(joint.values())
        return {c: _log(j / total) for c, j in joint.items()}

    def predict(self, doc):
        joint = self._joint(doc)
        best = max(joint.values())
        return min(c for c in self.labels if joint[c] == best)
