import sys
from functools import cache


def word_break(s, word_dict):
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    words = set(word_dict)
    lengths = sorted({len(w) for w in words})

    @cache
    def can(i):
        if i == len(s):
            return True
        return any(s[i : i + k] in words and can(i + k) for k in lengths)

    return can(0)
