"""Generated cases for `binary_search`: each case is a sorted list and several targets.

`invoke` calls the solution once per target and returns the list of answers, so a
large case can run hundreds of searches on one list of 10^6 items (a linear scan
times out) without sending the list hundreds of times.
"""

from __future__ import annotations

import random
from itertools import pairwise

import numpy as np

from mlprep.kata.casekit import Case, InputChanged, hypothesis_examples

N_LARGE = 200_000  # the largest list the task states


def invoke(solution, nums, targets):
    """Run `binary_search(nums, t)` for every target; large lists travel as numpy arrays.

    The solution gets a list this function builds, which the engine's own before/after
    comparison of the inputs cannot see: compare it here (a sentinel appended, an item
    changed) and report a change as an input change.
    """
    as_list = nums.tolist() if isinstance(nums, np.ndarray) else list(nums)
    before = list(as_list)
    answers = []
    for t in targets:
        answers.append(solution.binary_search(as_list, int(t)))
        if len(as_list) != len(before):  # cheap per call; the full comparison comes last
            raise InputChanged("nums")
    if as_list != before:
        raise InputChanged("nums")
    return answers


def _targets(rng: random.Random, nums: list[int], k: int) -> list[int]:
    """Present items (first, last, random) and absent values (below, above, in gaps)."""
    out: list[int] = []
    if nums:
        out += [nums[0], nums[-1], nums[0] - 1, nums[-1] + 1]
        out += [rng.choice(nums) for _ in range(k)]
        gaps = [a + 1 for a, b in pairwise(nums) if b - a > 1]
        out += [rng.choice(gaps) for _ in range(k)] if gaps else []
    else:
        out += [0, -5, 7]
    return out


def _large(nrng: np.random.Generator, n: int) -> np.ndarray:
    return np.cumsum(nrng.integers(1, 5, n)) - 2 * n


def _absent(nrng: np.random.Generator, big: np.ndarray, k: int) -> list[int]:
    taken = set(big.tolist())
    absent: list[int] = []
    while len(absent) < k:
        v = int(nrng.integers(int(big[0]) - 10, int(big[-1]) + 10))
        if v not in taken:
            absent.append(v)
    return absent


def generate(seed: int) -> list[Case]:
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    big = _large(nrng, N_LARGE)
    cases = [
        # first, with a tight limit: 300 linear scans of 200 000 items take seconds, 300
        # binary searches (with the list's conversion and comparison) about 15 ms
        Case(
            "large/n=2e5,absent",
            (big, _absent(nrng, big, 300)),
            timeout=0.3,
            note="300 searches; O(n) each times out",
        ),
        Case("edge/single_present", ([5], [5])),
        Case("edge/single_absent", ([5], [4, 6])),
        Case("edge/empty", ([], [0, 1, -1])),
        Case("edge/leetcode", ([-1, 0, 3, 5, 9, 12], [9, 2])),
        Case("edge/two_items", ([1, 3], [1, 3, 0, 2, 4])),
        Case("edge/target_last", ([1, 2, 3, 4, 5, 6, 7], [7])),
        Case("edge/target_first", ([1, 2, 3, 4, 5, 6, 7], [1])),
        Case("edge/below_all", ([10, 20, 30, 40], [-100])),
        Case("edge/above_all", ([10, 20, 30, 40], [100])),
        Case("edge/negative", ([-50, -40, -3, -2], [-3, -1, -51, -2])),
        Case("edge/big_ints", ([-(2**62), 0, 2**62], [2**62, -(2**62), 1])),
    ]
    for i in range(12):
        n = rng.randint(1, 60)
        nums = sorted(rng.sample(range(-200, 200), n))
        cases.append(Case(f"typical[{i}]", (nums, _targets(rng, nums, 4))))

    from hypothesis import strategies as st

    drawn = hypothesis_examples(
        st.tuples(st.sets(st.integers(-30, 30), max_size=12), st.integers(-32, 32)), 60, seed
    )
    unique = sorted({(tuple(sorted(s)), t) for s, t in drawn}, key=lambda x: (len(x[0]), x))
    for i, (nums, t) in enumerate(unique[:30]):
        cases.append(Case(f"property[{i}]", (list(nums), [t])))

    present = nrng.choice(big, 298, replace=False).tolist()
    cases.append(
        Case("large/n=2e5,present", (big, [int(big[0]), int(big[-1]), *present]), timeout=1.0,
             note="300 searches")
    )  # fmt: skip
    return cases
