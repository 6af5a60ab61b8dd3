"""Generated cases for `permutations`: any order is accepted.

`invoke` summarises the solution's answer order-insensitively: how many lists it
returned, how many distinct ones, and all of them sorted. Missing, duplicated or
malformed permutations change one of the three; a result that is not a list (or tuple)
of lists (or tuples) of ints, or a permutation of the wrong length, raises a TypeError
or ValueError naming it. `nums` is passed as is, so the engine sees a solution modify it.
"""

from __future__ import annotations

import random
from numbers import Integral

import numpy as np

from mlprep.kata.casekit import Case, hypothesis_examples


def _not_int(kind: type) -> bool:
    return issubclass(kind, bool | np.bool_) or not issubclass(kind, Integral)


def invoke(solution, nums):
    """{count, distinct, sorted}; `sorted` is an int64 array [count, n] (fast to send and compare)."""
    n = len(nums)
    result = solution.permute(nums)
    if not isinstance(result, list | tuple):
        raise TypeError(f"permute must return a list of lists, got {type(result).__name__}")
    kinds: set[type] = set()
    for k, p in enumerate(result):
        if not isinstance(p, list | tuple):
            raise TypeError(f"permutation #{k} is a {type(p).__name__}, expected a list")
        if len(p) != n:
            raise ValueError(f"permutation #{k} is {list(p)[:12]!r}: {len(p)} items, expected {n}")
        kinds.update(map(type, p))
    if any(_not_int(kind) for kind in kinds):
        k, x = next((k, x) for k, p in enumerate(result) for x in p if _not_int(type(x)))
        raise TypeError(
            f"permutation #{k} holds {x!r} ({type(x).__name__}): the values must be the ints "
            "of nums, not floats"
        )
    perms = [list(p) for p in result]
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
        Case(
            "edge/beyond_float",
            ([2**53 + 1, -(2**53) - 3, 5],),
            note="float(2**53 + 1) is 2**53: a float detour changes the values",
        ),
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
