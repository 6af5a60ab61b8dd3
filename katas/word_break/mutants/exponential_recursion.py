def word_break(s, word_dict):
    def can(i):
        if i == len(s):
            return True
        return any(s.startswith(w, i) and can(i + len(w)) for w in word_dict)

    return can(0)
