"""Generated cases for `naive_bayes`: fit once, then predict_log_proba and predict per test doc."""

from __future__ import annotations

import math
import random
from collections import Counter
from fractions import Fraction

from mlprep.kata.casekit import Case, hypothesis_examples

TOL = {"atol": 1e-6, "rtol": 1e-8}
# The task promises: joint log-probabilities that are not exactly tied differ by more than
# NEAR_TIE·max(1, |log P(c, doc)|), so a float solution treating scores within 1e-9 of the
# maximum as tied decides every case like the exact rule.
NEAR_TIE = 1e-6


def invoke(solution, train_docs, train_labels, alpha, test_docs):
    """Fit the solution's model once; return every test document's log posteriors and label."""
    model = solution.MultinomialNB()
    model.fit(train_docs, train_labels, alpha)
    log_proba = []
    predictions = []
    for doc in test_docs:
        got = model.predict_log_proba(doc)
        if not isinstance(got, dict):
            raise TypeError(f"predict_log_proba must return a dict, got {type(got).__name__}")
        log_proba.append({str(k): float(v) for k, v in got.items()})
        label = model.predict(doc)
        predictions.append(str(label) if isinstance(label, str) else label)
    return {"log_proba": log_proba, "predict": predictions}


def _no_near_ties(docs, labels, alpha, tests):
    """Drop test documents where a class comes within NEAR_TIE of the best without tying it.

    Exact integer arithmetic: alpha = p/q exactly (a float is a binary fraction), so
    P(c, doc) = n_c · Π (q·count(w, c) + p)^k / (N · (q·T_c + p·|V|)^L) with L in-vocabulary tokens.
    """
    p, q = Fraction(alpha).as_integer_ratio()
    vocab = {w for d in docs for w in d}
    model = []
    for c in sorted(set(labels)):
        counts = Counter(w for d, lab in zip(docs, labels, strict=True) if lab == c for w in d)
        model.append((labels.count(c), counts, q * sum(counts.values()) + p * len(vocab)))
    kept = []
    for doc in tests:
        bag = Counter(w for w in doc if w in vocab)
        length = sum(bag.values())
        joint = []  # (numerator, denominator) pairs
        for n_c, counts, denom in model:
            num = n_c
            for w, k in bag.items():
                num *= (q * counts[w] + p) ** k
            joint.append((num, len(labels) * denom**length))
        best = max(joint, key=lambda nd: Fraction(*nd))
        scale = max(1.0, abs(_log(*best)))
        if all(
            num * best[1] == best[0] * den or _log(*best) - _log(num, den) > NEAR_TIE * scale
            for num, den in joint
        ):
            kept.append(doc)
    return kept


def _log(num: int, den: int) -> float:
    return math.log(num) - math.log(den)


def _corpus(rng: random.Random, classes: dict[str, int], vocab: list[str], lo: int, hi: int):
    """Documents per class drawn from a class-specific token distribution (shuffled order)."""
    prefs = {c: [rng.random() ** 3 for _ in vocab] for c in classes}
    items = []
    for c, n in classes.items():
        for _ in range(n):
            items.append((rng.choices(vocab, prefs[c], k=rng.randint(lo, hi)), c))
    rng.shuffle(items)
    return [d for d, _ in items], [c for _, c in items], prefs


def _tests(rng, vocab, prefs, count, lo, hi, unseen=("zzz", "unseen")):
    tests = []
    for _ in range(count):
        c = rng.choice(list(prefs))
        doc = rng.choices(vocab, prefs[c], k=rng.randint(lo, hi))
        if rng.random() < 0.3:
            doc.insert(rng.randint(0, len(doc)), rng.choice(unseen))
        tests.append(doc)
    return tests


def generate(seed: int) -> list[Case]:
    rng = random.Random(seed)
    cases: list[Case] = []

    spam = [["buy", "cheap", "pills"], ["cheap", "cheap", "offer"], ["win", "money", "now"],
            ["buy", "now"]]  # fmt: skip
    ham = [["meeting", "at", "noon"], ["lunch", "at", "noon", "tomorrow"], ["see", "you", "now"]]
    docs, labels = spam + ham, ["spam"] * 4 + ["ham"] * 3
    tests = [["cheap", "pills", "now"], ["meeting", "tomorrow"], [], ["unknown", "words"],
             ["noon", "buy"], ["now"]]  # fmt: skip
    cases.append(Case("edge/spam_ham", (docs, labels, 1.0, tests), **TOL,
                      note="empty and all-unseen docs get the prior"))  # fmt: skip
    cases.append(Case("edge/alpha=0.125", (docs, labels, 0.125, tests), **TOL))
    cases.append(Case("edge/alpha=2.5", (docs, labels, 2.5, tests), **TOL))
    cases.append(
        Case("edge/unbalanced_prior", ([["a", "b"]] * 9 + [["a", "b"]], ["x"] * 9 + ["y"],
                                       1.0, [["a"], ["b", "a"], []]), **TOL,
             note="same token counts per document: only the prior differs")
    )  # fmt: skip
    cases.append(
        Case("edge/unseen_in_class", ([["a", "a"], ["b", "b"]], ["p", "q"], 1.0,
                                      [["a"], ["a", "b", "b"], ["c"]]), **TOL,
             note="a token never seen with a class")
    )  # fmt: skip
    cases.append(
        Case("edge/single_class", ([["a", "b"], ["c"]], ["only", "only"], 1.0, [["a"], []]),
             **TOL)
    )  # fmt: skip
    cases.append(
        Case("edge/tie_smallest_label", ([["x", "y"], ["x", "y"]], ["zeta", "alpha"], 1.0,
                                         [["x"], ["y", "x"], []]), **TOL,
             note="identical classes: every prediction is a tie")
    )  # fmt: skip
    cases.append(
        Case("edge/tie_equal_products", ([["a"], [], [], ["a"], ["b"]], ["p", "p", "p", "q", "q"],
                                         1.0, [["b", "d"], ["b"], ["d", "b", "d"]]), **TOL,
             note="P(p, doc) = 3/5 · 1/3 = P(q, doc) = 2/5 · 1/2 exactly: the tie goes to 'p'")
    )  # fmt: skip
    cases.append(
        Case("edge/tie_token_order", ([["d"], ["c"]], ["q", "p"], 0.5,
                                      [["c", "d"], ["d", "c"], ["c", "d", "d", "c"]]), **TOL,
             note="1/2 · 3/4 · 1/4 for both classes, whatever the token order: 'p'")
    )  # fmt: skip
    cases.append(
        Case("edge/repeated_tokens", ([["a", "b", "b"], ["a", "a", "c"]], ["m", "n"], 1.0,
                                      [["a", "a", "a", "a"], ["b"] * 5]), **TOL)
    )  # fmt: skip

    vocab = [f"w{i}" for i in range(40)]
    for i in range(10):
        k = rng.randint(2, 4)
        names = rng.sample(["apple", "banana", "cherry", "date", "elder", "fig"], k)
        classes = {c: rng.randint(1, 8) for c in names}
        docs, labels, prefs = _corpus(rng, classes, vocab, 1, 20)
        alpha = [1.0, 0.5, 0.015625, 3.0][i % 4]
        tests = _no_near_ties(docs, labels, alpha, _tests(rng, vocab, prefs, 5, 0, 25))
        cases.append(Case(f"typical[{i}]", (docs, labels, alpha, tests), **TOL))

    from hypothesis import strategies as st

    token = st.sampled_from(["a", "b", "c"])
    examples = hypothesis_examples(
        st.tuples(
            st.lists(st.tuples(st.lists(token, max_size=4), st.sampled_from(["p", "q"])),
                     min_size=1, max_size=5),
            st.lists(st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=4),
                     min_size=1, max_size=3),
        ),
        40,
        seed,
    )  # fmt: skip
    seen = set()
    props = []
    for train, tests in examples:
        key = repr((train, tests))
        if key not in seen:
            seen.add(key)
            props.append((train, tests))
    props.sort(key=lambda e: (len(repr(e)), repr(e)))
    for i, (train, tests) in enumerate(props[:20]):
        docs = [d for d, _ in train]
        labels = [c for _, c in train]
        tests = _no_near_ties(docs, labels, 1.0, tests)
        if not tests:
            continue
        cases.append(Case(f"property[{i}]", (docs, labels, 1.0, tests), **TOL))

    docs, labels, prefs = _corpus(rng, {"neg": 30, "neu": 20, "pos": 40}, vocab, 20, 80)
    long_tests = _no_near_ties(docs, labels, 1.0, _tests(rng, vocab, prefs, 3, 3000, 3000))
    cases.append(Case("hard/3000_token_docs", (docs, labels, 1.0, long_tests), **TOL,
                      note="products of 3000 probabilities underflow to 0"))  # fmt: skip
    big_vocab = [f"t{i}" for i in range(3000)]
    docs, labels, prefs = _corpus(rng, {"a": 300, "b": 200, "c": 100}, big_vocab, 10, 60)
    big_tests = _no_near_ties(docs, labels, 0.5, _tests(rng, big_vocab, prefs, 40, 10, 200))
    cases.append(Case("large/600_train_docs", (docs, labels, 0.5, big_tests),
                      **TOL, timeout=5.0))  # fmt: skip
    return cases
