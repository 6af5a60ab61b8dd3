def is_match(s, p):
    """`x*` read as one-or-more (a wrong rule), otherwise a correct DP."""
    from functools import cache

    @cache
    def go(i, j):
        if j == len(p):
            return i == len(s)
        first = i < len(s) and p[j] in (s[i], ".")
        if j + 1 < len(p) and p[j + 1] == "*":
            return first and (go(i + 1, j + 2) or go(i + 1, j))
        return first and go(i + 1, j + 1)

    return go(0, 0)
