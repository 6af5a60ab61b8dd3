def top_p_filter(logits, p):
    probs = logits.softmax(dim=-1)
    sorted_p, idx = probs.sort(dim=-1, descending=True, stable=True)
    remove_sorted = sorted_p.cumsum(dim=-1) > p
    remove_sorted[:, 0] = False
    remove = remove_sorted.scatter(-1, idx, remove_sorted)
    return logits.masked_fill(remove, float("-inf"))
