def min_window(s, t):
    need = set(t)  # multiplicity lost: "aa" needs two a's
    window = {}
    formed = 0
    best_len, best_l = len(s) + 1, 0
    lo = 0
    for r, c in enumerate(s):
        window[c] = window.get(c, 0) + 1
        if c in need and window[c] == 1:
            formed += 1
        while formed == len(need):
            if r - lo + 1 < best_len:
                best_len, best_l = r - lo + 1, lo
            d = s[lo]
            window[d] -= 1
            if d in need and window[d] == 0:
                formed -= 1
            lo += 1
    return "" if best_len > len(s) else s[best_l : best_l + best_len]
