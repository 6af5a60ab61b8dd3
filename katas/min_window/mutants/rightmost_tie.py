from collections import Counter


def min_window(s, t):
    need = Counter(t)
    missing = len(t)
    best_start, best_len = 0, len(s) + 1
    left = 0
    for right, c in enumerate(s):
        if need[c] > 0:
            missing -= 1
        need[c] -= 1
        while missing == 0:
            if right - left + 1 <= best_len:  # <= lets a later window of the same length win
                best_start, best_len = left, right - left + 1
            d = s[left]
            need[d] += 1
            if need[d] > 0:
                missing += 1
            left += 1
    return s[best_start : best_start + best_len] if best_len <= len(s) else ""
