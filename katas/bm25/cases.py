"""Generated cases for `bm25`: the seed's corpus, edge cases, random corpora, properties, large."""

from __future__ import annotations

import random

from mlprep.kata.casekit import Case, hypothesis_examples

TOL = {"atol": 1e-9, "rtol": 1e-9}

SEED_DOCS = [
    ["the", "cat", "sat", "on", "the", "mat"],
    ["the", "dog", "sat", "on", "the", "log"],
    ["cats", "and", "dogs", "are", "great", "pets"],
    ["I", "love", "my", "pet", "cat"],
]


def _corpus(rng: random.Random, n_docs: int, vocab: list[str], lo: int, hi: int) -> list[list[str]]:
    # Zipf-like draws so some tokens are in most documents (negative idf without the + 1)
    weights = [1 / (r + 1) for r in range(len(vocab))]
    return [rng.choices(vocab, weights, k=rng.randint(lo, hi)) for _ in range(n_docs)]


def generate(seed: int) -> list[Case]:
    rng = random.Random(seed)
    cases = [
        Case("edge/seed_query_the", (["the"], SEED_DOCS), **TOL, note="the seed's example"),
        Case("edge/seed_query_cat_sat", (["cat", "sat", "pets"], SEED_DOCS), **TOL),
        Case("edge/repeated_query_token", (["cat", "cat", "mat"], SEED_DOCS), **TOL,
             note="a repeated query token counts twice"),
        Case("edge/empty_query", ([], SEED_DOCS), **TOL),
        Case("edge/query_absent_everywhere", (["zebra", "the"], SEED_DOCS), **TOL),
        Case("edge/no_docs", (["a"], []), **TOL),
        Case("edge/all_docs_empty", (["a", "b"], [[], [], []]), **TOL, note="avgdl = 0"),
        Case("edge/some_docs_empty", (["a", "b"], [[], ["a", "b", "a"], [], ["b"]]), **TOL),
        Case("edge/single_doc", (["x", "y"], [["x", "x", "z"]]), **TOL),
        Case("edge/token_in_every_doc", (["a"], [["a", "b"], ["a"], ["a", "c", "c"]]), **TOL,
             note="idf without + 1 is negative here"),
        Case("edge/k1=0", (["cat", "the"], SEED_DOCS), {"k1": 0.0}, **TOL,
             note="tf saturates at once; tf = 0 still gives 0"),
        Case("edge/b=0", (["cat", "the", "dog"], SEED_DOCS), {"b": 0.0}, **TOL,
             note="no length normalisation"),
        Case("edge/b=1", (["cat", "the", "dog"], SEED_DOCS), {"b": 1.0}, **TOL),
        Case("edge/k1=0,b=0", (["sat", "sat"], SEED_DOCS), {"k1": 0.0, "b": 0.0}, **TOL),
        Case("edge/positional_k1_b", (["on", "the"], SEED_DOCS, 1.2, 0.5), **TOL),
        Case("edge/high_tf", (["a"], [["a"] * 50, ["a", "b"], ["b"] * 10]), **TOL,
             note="tf saturation"),
    ]  # fmt: skip

    vocab = [f"w{i}" for i in range(30)]
    for i in range(14):
        docs = _corpus(rng, rng.randint(2, 12), vocab, 0 if i % 4 == 0 else 1, 25)
        query = rng.choices(vocab[:20], k=rng.randint(1, 6))
        if i % 3 == 0:
            query.append(query[0])  # repetition
        kwargs = {}
        if i % 2 == 1:
            kwargs = {"k1": round(rng.uniform(0.0, 2.5), 3), "b": round(rng.uniform(0.0, 1.0), 3)}
        cases.append(Case(f"typical[{i}]", (query, docs), kwargs, **TOL))

    from hypothesis import strategies as st

    token = st.sampled_from(["a", "b", "c", "d"])
    examples = hypothesis_examples(
        st.tuples(
            st.lists(token, max_size=4),
            st.lists(st.lists(token, max_size=5), max_size=4),
            st.sampled_from([0.0, 0.5, 1.5]),
            st.sampled_from([0.0, 0.75, 1.0]),
        ),
        60,
        seed,
    )
    seen = set()
    unique = []
    for q, docs, k1, b in examples:
        key = (tuple(q), tuple(map(tuple, docs)), k1, b)
        if key not in seen:
            seen.add(key)
            unique.append((q, docs, k1, b))
    unique.sort(key=lambda e: (len(e[0]) + sum(map(len, e[1])), repr(e)))
    for i, (q, docs, k1, b) in enumerate(unique[:30]):
        cases.append(Case(f"property[{i}]", (q, docs, k1, b), **TOL))

    big_vocab = [f"t{i}" for i in range(2000)]
    docs = _corpus(rng, 1000, big_vocab, 5, 60)
    query = rng.choices(big_vocab[:200], k=12)
    cases.append(Case("large/1000_docs", (query, docs), **TOL, timeout=5.0))
    return cases
