def is_match(s, p):
    i = j = 0
    while j < len(p):
        if p[j] == "*":
            j += 1
            if j == len(p):
                return True
            while i < len(s) and not (p[j] == "?" or p[j] == s[i]):
                i += 1
        elif i < len(s) and (p[j] == "?" or p[j] == s[i]):
            i += 1
            j += 1
        else:
            return False
    return i == len(s)
