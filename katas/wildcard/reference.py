"""Reference: the seed's DP, one row at a time (O(|s|·|p|) time, O(|p|) memory)."""

from __future__ import annotations


def is_match(s: str, p: str) -> bool:
    prev = [True] + [False] * len(p)
    for j in range(1, len(p) + 1):
        prev[j] = prev[j - 1] and p[j - 1] == "*"
    for i in range(1, len(s) + 1):
        cur = [False] * (len(p) + 1)
        c = s[i - 1]
        for j in range(1, len(p) + 1):
            pc = p[j - 1]
            if pc == "*":
                cur[j] = cur[j - 1] or prev[j]
            elif pc == "?" or pc == c:
                cur[j] = prev[j - 1]
        prev = cur
    return prev[len(p)]
