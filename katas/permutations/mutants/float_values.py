import math

import numpy as np


def permute(nums):
    """The rows are filled into np.zeros, whose dtype is float64: the values come back as floats."""
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
    return out.tolist()
