from collections import Counter


def min_window(s, t):
    need = Counter(t)
    best = ""
    for i in range(len(s)):
        have = Counter()
        missing = len(t)
        for j in range(i, len(s)):
            c = s[j]
            if have[c] < need[c]:
                missing -= 1
            have[c] += 1
            if missing == 0:
                if not best or j - i + 1 < len(best):
                    best = s[i : j + 1]
                break
    return best
