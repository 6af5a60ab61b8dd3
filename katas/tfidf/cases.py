"""Generated cases for `tfidf`: random corpora, empty documents, repeats, casing, unicode, large."""

from __future__ import annotations

import random

from mlprep.kata.casekit import Case

TOL = {"atol": 1e-12, "rtol": 1e-9}
WORDS = ["the", "cat", "sat", "on", "mat", "dog", "ate", "my", "home", "work", "a", "an",
         "model", "loss", "grad", "token", "Cat", "The", "数据", "模型", "zeta", "alpha"]  # fmt: skip


def _corpus(rng: random.Random, n: int, vocab: list[str], max_len: int, p_empty: float = 0.0):
    weights = [1.0 / (i + 1) for i in range(len(vocab))]  # Zipf-like: some tokens in most docs
    return [
        [] if rng.random() < p_empty else rng.choices(vocab, weights, k=rng.randint(1, max_len))
        for _ in range(n)
    ]


def generate(seed: int) -> list[Case]:
    rng = random.Random(seed)
    cases: list[Case] = []

    for i in range(12):
        vocab = rng.sample(WORDS, rng.randint(3, len(WORDS)))
        docs = _corpus(
            rng, rng.randint(2, 12), vocab, rng.randint(2, 15), p_empty=0.1 if i % 4 == 3 else 0
        )
        cases.append(Case(f"typical[{i}]", (docs,), **TOL, note=f"{len(docs)} documents"))

    cases += [
        Case("edge/single_document", ([["b", "a", "b", "c"]],), **TOL,
             note="n = 1: every idf is ln(2/2) + 1 = 1, rows are normalised counts"),
        Case("edge/token_in_every_doc", ([["x", "y"], ["x"], ["x", "z", "z"]],), **TOL,
             note="idf(x) = ln(4/4) + 1 = 1, not 0"),
        Case("edge/repeated_token", ([["a", "a", "a", "b"], ["b", "c"]],), **TOL,
             note="tf is the raw count (3 for a)"),
        Case("edge/df_vs_occurrences", ([["a", "a", "a", "a", "b"], ["b", "c"], ["c"]],), **TOL,
             note="a occurs 4 times in one document: df(a) = 1"),
        Case("edge/empty_document", ([["a", "b"], [], ["b", "c"]],), **TOL,
             note="an empty document is a zero row (no NaN); it still counts in n"),
        Case("edge/all_documents_empty", ([[], []],), **TOL, note="vocab [] and a [2, 0] matrix"),
        Case("edge/no_documents", ([],), **TOL, note="vocab [] and a [0, 0] matrix"),
        Case("edge/case_sensitive_sorting", ([["b", "B", "a"], ["A", "a"]],), **TOL,
             note="tokens are compared as given: sorted order is A, B, a, b"),
        Case("edge/unicode_tokens", ([["模型", "data", "数据"], ["数据", "Ω"]],), **TOL,
             note="Python's str order (code points)"),
        Case("edge/single_token_docs", ([["a"], ["b"], ["a"]],), **TOL,
             note="each row has one non-zero entry, equal to 1"),
        Case("edge/identical_documents", ([["p", "q", "q"], ["p", "q", "q"]],), **TOL),
        Case("edge/first_seen_not_sorted", ([["zeta", "alpha"], ["mid", "alpha"]],), **TOL,
             note="columns follow the sorted vocabulary, not the order of appearance"),
    ]  # fmt: skip

    vocab = [f"w{i}" for i in range(50)]
    long_doc = ["w0"] * 20000 + ["w1"] * 3 + ["w2"]
    cases += [
        Case("hard/huge_counts", ([long_doc, ["w1", "w2"], ["w2"]],), **TOL,
             note="20000 repeats of one token: the others get tiny but non-zero weights"),
        Case("hard/many_rare_tokens", (_corpus(rng, 200, vocab, 3),), **TOL,
             note="short documents, df from 1 to most of the corpus"),
    ]  # fmt: skip

    big_vocab = [f"t{i:04d}" for i in range(800)]
    cases.append(Case("large/600_docs", (_corpus(rng, 600, big_vocab, 60),), **TOL))
    return cases
