from collections import deque


def word_break(s, word_dict):
    words = set(word_dict)
    max_len = max((len(w) for w in words), default=0)
    seen = {0}
    queue = deque([0])
    while queue:
        i = queue.popleft()
        if i == len(s):
            return True
        for j in range(i + 1, min(len(s), i + max_len) + 1):
            if j not in seen and s[i:j] in words:
                seen.add(j)
                queue.append(j)
    return False
