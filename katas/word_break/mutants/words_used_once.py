def word_break(s, word_dict):
    def can(i, left):
        if i == len(s):
            return True
        return any(s.startswith(w, i) and can(i + len(w), left - {w}) for w in left)

    return can(0, frozenset(word_dict))
