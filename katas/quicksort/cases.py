"""Generated cases for `quicksort`: small, duplicates, properties and adversarial n = 20 000."""

from __future__ import annotations

import random

import numpy as np

from mlprep.kata.casekit import Case, hypothesis_examples


def invoke(solution, nums):
    """Call quicksort; large inputs travel as int64 arrays (fast) and are handed over as lists.

    For an array input the list result comes back as an int64 array, so a large output is
    compared element-wise quickly; the input list is checked for changes here.
    """
    if not isinstance(nums, np.ndarray):
        return solution.quicksort(nums)
    values = nums.tolist()
    before = list(values)
    out = solution.quicksort(values)
    if values != before:
        raise ValueError("quicksort modified its input list; it must return a new list")
    if type(out) is not list:
        raise TypeError(f"quicksort must return a list, got {type(out).__name__}")
    if not all(type(v) is int for v in out):
        raise TypeError("quicksort must return a list of ints")
    return np.array(out, dtype=np.int64)


EDGE = [
    ("empty", []),
    ("one", [7]),
    ("two_sorted", [1, 2]),
    ("two_reversed", [2, 1]),
    ("two_equal", [5, 5]),
    ("seed_example", [3, 6, 8, 10, 1, 2, 1]),
    ("negatives", [0, -3, 5, -3, 2, -10, 9]),
    ("all_equal_small", [4] * 9),
    ("few_distinct", [2, 1, 2, 1, 0, 2, 0, 1, 2]),
    ("sorted_small", list(range(12))),
    ("reversed_small", list(range(12, 0, -1))),
    ("big_ints", [2**62, -(2**62), 0, 2**40, -1]),
    ("pivot_duplicates_first", [5, 5, 5, 1, 9, 5, 3]),
]


def generate(seed: int) -> list[Case]:
    rng = random.Random(seed)
    i64 = np.int64
    # First, with a tight limit: the cases that make the classic O(n²) partitions time out
    # (n = 10 000: a random-pivot quicksort takes ~0.015-0.035 s, an O(n²) one seconds).
    tight = dict(timeout=0.5)
    cases = [
        Case("large/all_equal", (np.full(10_000, 7, dtype=i64),), **tight,
             note="n=10000; two-way partitions (Lomuto, first pivot with <=) are O(n²) here"),
        Case("large/sorted", (np.arange(10_000, dtype=i64),), **tight,
             note="n=10000; first-element pivot: O(n²), n levels deep"),
    ]  # fmt: skip
    cases += [Case(f"edge/{name}", (nums,)) for name, nums in EDGE]
    for i in range(12):
        n = rng.randint(5, 300)
        span = rng.choice([3, 20, 1000, 10**9])
        cases.append(Case(f"typical[{i}]", ([rng.randint(-span, span) for _ in range(n)],),
                          note=f"values in ±{span}"))  # fmt: skip

    from hypothesis import strategies as st

    lists = hypothesis_examples(st.lists(st.integers(-5, 5), max_size=12), 60, seed)
    unique = sorted({tuple(x) for x in lists}, key=lambda x: (len(x), x))[:30]
    cases += [Case(f"property[{i}]", (list(x),)) for i, x in enumerate(unique)]

    # Large inputs are sent as int64 arrays (see invoke): the solution still gets a list.
    n = 20_000
    big = dict(timeout=1.0)  # a random-pivot quicksort takes about 0.03 s; O(n²) takes minutes
    cases += [
        Case("large/reverse_sorted", (np.arange(n, 0, -1, dtype=i64),), **big, note="n=20000"),
        Case("large/random", (np.array([rng.randint(-10**9, 10**9) for _ in range(n)],
                                       dtype=i64),), **big, note="n=20000"),
        Case("large/few_distinct", (np.array([rng.randint(0, 2) for _ in range(n)],
                                             dtype=i64),), **big, note="n=20000, values 0..2"),
    ]  # fmt: skip
    return cases
