def word_break(s, word_dict):
    """Correct DP, except that it only looks back 19 characters."""
    words = set(word_dict)
    ok = [True] + [False] * len(s)
    for end in range(1, len(s) + 1):
        for start in range(max(0, end - 19), end):
            if ok[start] and s[start:end] in words:
                ok[end] = True
                break
    return ok[len(s)]
