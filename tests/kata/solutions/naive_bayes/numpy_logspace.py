"""Vectorised: a class × vocabulary count matrix, np.log, np.logaddexp.reduce;
ties within 1e-9 of the best score (the rule the task allows for float solutions)."""

import numpy as np


class MultinomialNB:
    def fit(self, docs, labels, alpha=1.0):
        self.labels = sorted(set(labels))
        self.vocab = {w: i for i, w in enumerate(sorted({w for d in docs for w in d}))}
        counts = np.zeros((len(self.labels), len(self.vocab)))
        class_docs = np.zeros(len(self.labels))
        row = {c: i for i, c in enumerate(self.labels)}
        for d, c in zip(docs, labels, strict=False):
            class_docs[row[c]] += 1
            for w in d:
                counts[row[c], self.vocab[w]] += 1
        self.log_prior = np.log(class_docs) - np.log(len(labels))
        smoothed = counts + alpha
        self.log_lik = np.log(smoothed) - np.log(smoothed.sum(axis=1, keepdims=True))
        return self

    def _joint(self, doc):
        x = np.zeros(len(self.vocab))
        for w in doc:
            i = self.vocab.get(w)
            if i is not None:
                x[i] += 1
        return self.log_prior + self.log_lik @ x

    def predict_log_proba(self, doc):
        j = self._joint(doc)
        post = j - np.logaddexp.reduce(j)
        return {c: post[i] for i, c in enumerate(self.labels)}

    def predict(self, doc):
        j = self._joint(doc)
        best = j.max()
        tied = np.flatnonzero(j >= best - 1e-9 * max(1.0, abs(best)))  # float sums of logs
        return self.labels[int(tied[0])]  # labels are sorted: the first tied is the smallest
