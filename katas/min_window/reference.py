"""Reference: sliding window with a counter of still-missing characters (O(|s| + |t|))."""

from __future__ import annotations

from collections import Counter


def min_window(s: str, t: str) -> str:
    need = Counter(t)
    missing = len(t)  # characters of t (with multiplicity) not yet covered by the window
    best_start, best_len = 0, len(s) + 1
    left = 0
    for right, c in enumerate(s):
        if need[c] > 0:
            missing -= 1
        need[c] -= 1
        while missing == 0:  # s[left:right+1] covers t: shrink from the left
            if right - left + 1 < best_len:  # strictly shorter: the leftmost window wins ties
                best_start, best_len = left, right - left + 1
            d = s[left]
            need[d] += 1
            if need[d] > 0:
                missing += 1
            left += 1
    return s[best_start : best_start + best_len] if best_len <= len(s) else ""
