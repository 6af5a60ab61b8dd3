"""The textbook memoised recursion: dp(i, j) with functools.lru_cache, no iteration, no
recursion-limit tweaks (the sandbox allows the depth |s| + |p| this needs)."""

from functools import lru_cache


def is_match(s, p):
    @lru_cache(maxsize=None)  # noqa: UP033 (the form candidates write)
    def dp(i, j):
        if j == len(p):
            return i == len(s)
        if p[j] == "*":
            return dp(i, j + 1) or (i < len(s) and dp(i + 1, j))
        return i < len(s) and p[j] in ("?", s[i]) and dp(i + 1, j + 1)

    return dp(0, 0)
