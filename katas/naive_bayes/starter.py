"""Kata `naive_bayes`: multinomial naive Bayes for text, with Laplace smoothing in log space.

Replace the bodies of the methods; keep the class name and the method signatures.
Check it with `mlprep kata naive_bayes` (or `pytest` in this folder).
"""

from __future__ import annotations


class MultinomialNB:
    def fit(self, docs: list[list[str]], labels: list[str], alpha: float = 1.0) -> MultinomialNB:
        """Count documents per class and tokens per class; remember the vocabulary."""
        raise NotImplementedError("fit is not written yet")

    def predict_log_proba(self, doc: list[str]) -> dict[str, float]:
        """{label: log P(label | doc)} for every training label, normalised (log-sum-exp)."""
        raise NotImplementedError("predict_log_proba is not written yet")

    def predict(self, doc: list[str]) -> str:
        """The most probable label; exact ties go to the smallest label."""
        raise NotImplementedError("predict is not written yet")
