"""Reference: the seed's DP over prefixes, dp[i] = s[:i] can be split (O(len(s)·|dict|·L))."""

from __future__ import annotations


def word_break(s: str, word_dict: list[str]) -> bool:
    n = len(s)
    dp = [False] * (n + 1)
    dp[0] = True
    for i in range(1, n + 1):
        for word in word_dict:
            k = len(word)
            if k <= i and dp[i - k] and s[i - k : i] == word:
                dp[i] = True
                break
    return dp[n]
