"""Generated cases for `permutations`: any order is accepted.

`invoke` summarises the solution's answer order-insensitively: how many lists it
returned, how many distinct ones, and all of them sorted. Missing, duplicated or
malformed permutations change one of the three;
a list of the wrong length raises a ValueError naming it.
"""

from __future__ import annotations

import random

import numpy as np

from mlprep.kata.casekit import Case, hypothesis_examples


def invoke(solution, nums):
    """{count, distinct, sorted}; `sorted` is an int64 array [count, n] (fast to send and compare)."""
    n = len(nums)
    result = solution.permute(list(nums))
    perms = [list(p) for p in result]
    for k, p in enumerate(perms):
        if len(p) != n:
            raise ValueError(f"permutation #{k} is {p[:12]!r}: {len(p)} items, expected {n}")
    return {
        "count": len(perms),
        "distinct": len({tuple(p) for p in perms}),
        "sorted": np.array(sorted(perms), dtype=np.int64).reshape(len(perms), n),
    }


def generate(seed: int) -> list[Case]:
    rng = random.Random(seed)
    cases = [
        Case("edge/single", ([1],)),
        Case("edge/two", ([0, 1],)),
        Case("edge/leetcode", ([1, 2, 3],)),
        Case("edge/negative", ([-1, 0, 5],)),
        Case("edge/unsorted_input", ([3, 1, 2],)),
        Case("edge/four", ([4, 3, 2, 1],)),
        Case("edge/big_values", ([10**12, -(10**12), 7, 0],)),
    ]
    for i in range(8):
        n = rng.randint(1, 6)
        cases.append(Case(f"typical[{i}]", (rng.sample(range(-10, 11), n),)))

    from hypothesis import strategies as st

    drawn = hypothesis_examples(
        st.lists(st.integers(-5, 5), min_size=1, max_size=5, unique=True), 40, seed
    )
    unique = sorted({tuple(d) for d in drawn}, key=lambda d: (len(d), d))
    cases += [Case(f"property[{i}]", (list(d),)) for i, d in enumerate(unique[:15])]
    cases.append(Case("large/n=7", (rng.sample(range(100), 7),), note="5040 permutations"))
    cases.append(Case("large/n=8", (list(range(8)),), timeout=4.0, note="40320 permutations"))
    return cases
