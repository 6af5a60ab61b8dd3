# Slides only over the positions of s whose character occurs in t.
def min_window(s, t):
    need = {}
    for c in t:
        need[c] = need.get(c, 0) + 1
    pos = [(i, c) for i, c in enumerate(s) if c in need]
    have = {}
    formed = 0
    best_len, best_l = len(s) + 1, 0
    j = 0
    for i, c in pos:
        have[c] = have.get(c, 0) + 1
        if have[c] == need[c]:
            formed += 1
        while formed == len(need):
            start = pos[j][0]
            if i - start + 1 < best_len:
                best_len, best_l = i - start + 1, start
            d = pos[j][1]
            have[d] -= 1
            if have[d] < need[d]:
                formed -= 1
            j += 1
    return "" if best_len > len(s) else s[best_l : best_l + best_len]
