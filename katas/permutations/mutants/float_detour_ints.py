import math

import numpy as np


def permute(nums):
    """Rows filled into a float64 np.zeros, then cast back to int: 2**53 + 1 becomes 2**53."""
    n = len(nums)
    out = np.zeros((math.factorial(n), n))
    row = 0

    def go(path, rest):
        nonlocal row
        if not rest:
            out[row] = path
            row += 1
            return
        for i in range(len(rest)):
            go([*path, rest[i]], rest[:i] + rest[i + 1 :])

    go([], list(nums))
    return out.astype(np.int64).tolist()
