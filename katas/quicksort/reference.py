"""Reference: random pivot, three-way split into new lists (the seed's version, fixed)."""

from __future__ import annotations

import random


def quicksort(nums):
    rng = random.Random(0)

    def qs(a: list[int]) -> list[int]:
        if len(a) <= 1:
            return list(a)
        p = a[rng.randrange(len(a))]  # random pivot: O(log n) depth with high probability
        less = [x for x in a if x < p]
        equal = [x for x in a if x == p]  # keys equal to the pivot are done
        greater = [x for x in a if x > p]
        return qs(less) + equal + qs(greater)

    return qs(list(nums))
