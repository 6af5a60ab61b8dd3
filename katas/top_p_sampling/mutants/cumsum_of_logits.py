def top_p_filter(logits, p):
    sorted_l, idx = logits.sort(dim=-1, descending=True, stable=True)
    before = sorted_l.cumsum(dim=-1) - sorted_l
    remove_sorted = before >= p
    remove_sorted[:, 0] = False
    remove = remove_sorted.scatter(-1, idx, remove_sorted)
    return logits.masked_fill(remove, float("-inf"))
