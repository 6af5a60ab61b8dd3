from collections import Counter, defaultdict


def min_window(s, t):
    need = Counter(t)
    required = len(need)
    window = defaultdict(int)
    formed = 0
    best = (float("inf"), 0, 0)
    lo = 0
    for r, c in enumerate(s):
        window[c] += 1
        if c in need and window[c] == need[c]:
            formed += 1
        while lo <= r and formed == required:
            if r - lo + 1 < best[0]:
                best = (r - lo + 1, lo, r)
            d = s[lo]
            window[d] -= 1
            if d in need and window[d] < need[d]:
                formed -= 1
            lo += 1
    return "" if best[0] == float("inf") else s[best[1] : best[2] + 1]
