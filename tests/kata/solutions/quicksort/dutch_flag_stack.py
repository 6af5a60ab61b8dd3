"""In place on a copy: Dutch-national-flag partition, explicit stack, median-of-three pivot."""

import random


def quicksort(nums):
    a = list(nums)
    stack = [(0, len(a) - 1)]
    while stack:
        lo, hi = stack.pop()
        if lo >= hi:
            continue
        mid = (lo + hi) // 2
        x, y, z = a[lo], a[mid], a[hi]
        p = max(min(x, y), min(max(x, y), z))  # median of three
        if hi - lo > 16:
            p = a[random.randint(lo, hi)] if random.random() < 0.5 else p
        lt, i, gt = lo, lo, hi
        while i <= gt:
            if a[i] < p:
                a[lt], a[i] = a[i], a[lt]
                lt += 1
                i += 1
            elif a[i] > p:
                a[i], a[gt] = a[gt], a[i]
                gt -= 1
            else:
                i += 1
        # push the larger part first so the stack stays O(log n)
        if (lt - lo) > (hi - gt):
            stack.append((lo, lt - 1))
            stack.append((gt + 1, hi))
        else:
            stack.append((gt + 1, hi))
            stack.append((lo, lt - 1))
    return a
