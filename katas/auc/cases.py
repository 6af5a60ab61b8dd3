"""Generated cases for `auc`: typical, ties, single class, hypothesis properties and large."""

from __future__ import annotations

import random

import numpy as np

from mlprep.kata.casekit import Case, hypothesis_examples

TOL = {"atol": 1e-9, "rtol": 1e-9}


def _both_classes(labels: list[int]) -> bool:
    return 0 in labels and 1 in labels


def generate(seed: int) -> list[Case]:
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    # First, with a tight limit: O(P·N) pair counting takes ~8 s on 20 000 items,
    # sorting once ~15-60 ms (1 s leaves room for a busy machine)
    labels_arr = (nrng.random(20_000) < 0.3).astype(np.int64)
    scores_arr = np.round(nrng.random(20_000) + 0.2 * labels_arr, 3)
    cases: list[Case] = [
        Case("large/n=20000,ties", (labels_arr, scores_arr), **TOL, timeout=1.0,
             note="O(P·N) times out")
    ]  # fmt: skip

    for i in range(12):
        n = rng.randint(4, 40)
        labels = [rng.randint(0, 1) for _ in range(n)]
        labels[0], labels[1] = 0, 1
        rng.shuffle(labels)
        scores = [rng.random() for _ in range(n)]
        if i % 3 == 0:
            args: tuple[object, ...] = (np.array(labels, dtype=np.int64), np.array(scores))
        elif i % 3 == 1:
            args = (labels, np.array(scores, dtype=np.float32))
        else:
            args = (labels, scores)
        cases.append(Case(f"typical[{i}]", args, **TOL))

    seed_true = [0, 0, 1, 1, 0, 1, 0, 1, 1, 1]
    seed_score = [0.1, 0.4, 0.6, 0.6, 0.7, 0.7, 0.8, 0.8, 0.9, 0.9]
    cases += [
        Case("edge/seed_example_ties", (seed_true, seed_score), **TOL, note="from the seed"),
        Case("edge/all_scores_equal", ([0, 1, 0, 1, 1], [0.3] * 5), **TOL),
        Case("edge/tie_positive_first", ([1, 0], [0.5, 0.5]), **TOL),
        Case("edge/tie_negative_first", ([0, 1], [0.5, 0.5]), **TOL),
        Case("edge/perfect", ([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]), **TOL),
        Case("edge/inverted", ([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9]), **TOL),
        Case("edge/two_items", ([1, 0], [0.9, 0.1]), **TOL),
        Case("edge/integer_scores", ([0, 1, 1, 0, 1, 0, 1], [3, 1, 3, 2, 2, 1, 5]), **TOL),
        Case("edge/negative_scores", ([0, 1, 0, 1], [-2.5, -0.5, -1.0, -1.0]), **TOL),
        Case("edge/ties_across_many", ([1, 0] * 6, [1.0, 1.0, 2.0, 2.0, 2.0, 2.0] * 2), **TOL),
        Case("edge/only_negatives", ([0, 0, 0], [0.1, 0.5, 0.9]), raises="ValueError"),
        Case("edge/only_positives", (np.array([1, 1]), np.array([0.2, 0.3])), raises="ValueError"),
        Case("edge/one_item", ([1], [0.5]), raises="ValueError"),
    ]

    from hypothesis import strategies as st

    pairs = hypothesis_examples(
        st.lists(st.tuples(st.integers(0, 1), st.integers(0, 4)), min_size=1, max_size=12), 60, seed
    )
    unique = sorted({tuple(p) for p in pairs}, key=lambda p: (len(p), p))[:40]
    for i, items in enumerate(unique):
        labels = [y for y, _ in items]
        scores = [s / 4 for _, s in items]
        raises = None if _both_classes(labels) else "ValueError"
        cases.append(
            Case(
                f"property[{i}]", (labels, scores), **TOL, raises=raises, note="tied scores likely"
            )
        )

    n = 100_000
    labels_arr = (nrng.random(n) < 0.5).astype(np.int64)
    cases.append(Case("large/n=100000", (labels_arr, nrng.random(n)), **TOL, timeout=3.0))
    return cases


def bench_inputs(size: int, seed: int) -> tuple[list[int], list[float]]:
    """`--bench`: `size` labels (about 40% positive) and scores rounded to 3 places (ties)."""
    rng = random.Random(seed * 1_000_003 + size)
    labels = [1 if rng.random() < 0.4 else 0 for _ in range(size)]
    labels[0], labels[-1] = 0, 1
    scores = [round(rng.random() + 0.3 * y, 3) for y in labels]
    return labels, scores
