"""Reference: bottom-up DP where dp[i][j] says whether s[:i] matches p[:j] (O(|s|·|p|))."""

from __future__ import annotations


def is_match(s: str, p: str) -> bool:
    n, m = len(s), len(p)
    dp = [[False] * (m + 1) for _ in range(n + 1)]
    dp[0][0] = True
    for j in range(2, m + 1):
        dp[0][j] = p[j - 1] == "*" and dp[0][j - 2]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            pc = p[j - 1]
            if pc == "*":
                prev = p[j - 2]
                zero = dp[i][j - 2]
                more = (prev == "." or prev == s[i - 1]) and dp[i - 1][j]
                dp[i][j] = zero or more
            elif pc == "." or pc == s[i - 1]:
                dp[i][j] = dp[i - 1][j - 1]
    return dp[n][m]
