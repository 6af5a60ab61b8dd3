"""Generated cases for `metrics`: typical, zero denominators, input types, properties, large."""

from __future__ import annotations

import random

import numpy as np

from mlprep.kata.casekit import Case, hypothesis_examples

TOL = {"atol": 1e-12, "rtol": 1e-9}

EDGE = [
    ("seed_example", [1, 0, 1, 1], [1, 1, 0, 1], ""),
    ("perfect", [0, 1, 1, 0, 1], [0, 1, 1, 0, 1], ""),
    ("all_wrong", [0, 1, 1, 0], [1, 0, 0, 1], "TP = 0 with FP, FN > 0: P + R = 0"),
    ("no_predicted_positive", [1, 0, 1, 0, 0], [0, 0, 0, 0, 0], "TP + FP = 0"),
    ("no_actual_positive", [0, 0, 0, 0], [0, 1, 0, 1], "TP + FN = 0"),
    ("all_negative_both", [0, 0, 0], [0, 0, 0], "every denominator but n is 0"),
    ("all_positive_both", [1, 1, 1], [1, 1, 1], ""),
    ("single_tp", [1], [1], ""),
    ("single_tn", [0], [0], ""),
    ("single_fp", [0], [1], ""),
    ("single_fn", [1], [0], ""),
    ("precision_ne_recall", [1, 1, 1, 1, 0, 0], [1, 0, 0, 0, 0, 0], "P = 1, R = 1/4"),
    ("many_negatives", [0] * 9 + [1], [0] * 8 + [1, 1], "TN dominates accuracy"),
]


def generate(seed: int) -> list[Case]:
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    cases = [Case(f"edge/{name}", (t, p), **TOL, note=note) for name, t, p, note in EDGE]
    cases.append(
        Case("edge/numpy_bool", (np.array([True, False, True, True]),
                                 np.array([True, True, False, True])), **TOL)
    )  # fmt: skip
    cases.append(
        Case("edge/numpy_int32", (np.array([0, 1, 1, 0, 1], dtype=np.int32),
                                  np.array([0, 1, 0, 0, 0], dtype=np.int32)), **TOL)
    )  # fmt: skip

    for i in range(12):
        n = rng.randint(5, 60)
        p_pos = rng.choice([0.1, 0.3, 0.5, 0.8])
        t = [int(rng.random() < p_pos) for _ in range(n)]
        p = [y if rng.random() < 0.7 else 1 - y for y in t]
        args: tuple[object, ...] = (t, p)
        if i % 3 == 1:
            args = (np.array(t, dtype=np.int64), np.array(p, dtype=np.int64))
        cases.append(Case(f"typical[{i}]", args, **TOL))

    from hypothesis import strategies as st

    pairs = hypothesis_examples(
        st.lists(st.tuples(st.integers(0, 1), st.integers(0, 1)), min_size=1, max_size=8), 60, seed
    )
    unique = sorted({tuple(x) for x in pairs}, key=lambda x: (len(x), x))[:30]
    for i, items in enumerate(unique):
        cases.append(Case(f"property[{i}]", ([a for a, _ in items], [b for _, b in items]), **TOL))

    n = 200_000
    t_arr = (nrng.random(n) < 0.2).astype(np.int64)
    p_arr = np.where(nrng.random(n) < 0.85, t_arr, 1 - t_arr)
    cases.append(Case("large/n=200000", (t_arr, p_arr), **TOL, timeout=5.0))
    return cases
