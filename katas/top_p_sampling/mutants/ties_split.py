def top_p_filter(logits, p):
    probs = logits.softmax(dim=-1)
    sorted_p, idx = probs.sort(dim=-1, descending=True, stable=True)
    before = sorted_p.cumsum(dim=-1) - sorted_p
    remove_sorted = before >= p
    remove = remove_sorted.scatter(-1, idx, remove_sorted)
    return logits.masked_fill(remove, float("-inf"))
