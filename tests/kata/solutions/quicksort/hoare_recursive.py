"""Hoare partition with a random pivot; recurse on the smaller half, loop on the larger."""

import random


def _partition(a, lo, hi):
    p = a[random.randint(lo, hi)]
    i, j = lo - 1, hi + 1
    while True:
        i += 1
        while a[i] < p:
            i += 1
        j -= 1
        while a[j] > p:
            j -= 1
        if i >= j:
            return j
        a[i], a[j] = a[j], a[i]


def _qs(a, lo, hi):
    while lo < hi:
        m = _partition(a, lo, hi)
        if m - lo < hi - m:
            _qs(a, lo, m)
            lo = m + 1
        else:
            _qs(a, m + 1, hi)
            hi = m


def quicksort(nums):
    a = nums.copy()
    _qs(a, 0, len(a) - 1)
    return a
