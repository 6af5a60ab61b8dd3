import random


def _qs(a, lo, hi):
    while lo < hi:
        p = a[random.randint(lo, hi)]
        i, j = lo, hi
        while i <= j:
            while a[i] < p:
                i += 1
            while a[j] > p:
                j -= 1
            if i <= j:
                a[i], a[j] = a[j], a[i]
                i += 1
                j -= 1
        if j - lo < hi - i:
            _qs(a, lo, j)
            lo = i
        else:
            _qs(a, i, hi)
            hi = j


def quicksort(nums):
    _qs(nums, 0, len(nums) - 1)
