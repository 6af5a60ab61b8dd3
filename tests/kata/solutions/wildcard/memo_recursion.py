"""Correct, written differently: memoised recursion over (i, j) with collapsed stars."""

from functools import cache


def is_match(s, p):
    collapsed = []
    for c in p:
        if not (c == "*" and collapsed and collapsed[-1] == "*"):
            collapsed.append(c)
    p = "".join(collapsed)

    @cache
    def go(i, j):
        while j < len(p) and p[j] != "*":
            if i == len(s) or (p[j] != "?" and p[j] != s[i]):
                return False
            i += 1
            j += 1
        if j == len(p):
            return i == len(s)
        return go(i, j + 1) or (i < len(s) and go(i + 1, j))

    import sys

    sys.setrecursionlimit(20000)
    return bool(go(0, 0))
