import sys

sys.setrecursionlimit(10000)


def is_match(s, p):
    def go(i, j):
        if j == len(p):
            return i == len(s)
        if p[j] == "*":
            return any(go(k, j + 1) for k in range(i, len(s) + 1))
        if i < len(s) and (p[j] == "?" or p[j] == s[i]):
            return go(i + 1, j + 1)
        return False

    return go(0, 0)
