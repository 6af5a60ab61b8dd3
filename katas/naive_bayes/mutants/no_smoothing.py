import math
from collections import Counter


class MultinomialNB:
    def fit(self, docs, labels, alpha=1.0):
        self.classes = sorted(set(labels))
        self.prior = {c: labels.count(c) / len(labels) for c in self.classes}
        self.counts = {c: Counter() for c in self.classes}
        for doc, c in zip(docs, labels, strict=False):
            self.counts[c].update(doc)
        self.vocab = {w for doc in docs for w in doc}
        return self

    def _joint(self, doc):
        out = {}
        for c in self.classes:
            total = sum(self.counts[c].values())
            s = math.log(self.prior[c])
            for w in doc:
                if w in self.vocab:
                    p = self.counts[c][w] / total
                    s += math.log(p) if p > 0 else float("-inf")
            out[c] = s
        return out

    def predict_log_proba(self, doc):
        joint = self._joint(doc)
        m = max(joint.values())
        z = m + math.log(sum(math.exp(s - m) for s in joint.values()))
        return {c: s - z for c, s in joint.items()}

    def predict(self, doc):
        joint = self._joint(doc)
        return min(self.classes, key=lambda c: (-joint[c], c))
