def top_p_filter(logits, p):
    flat = logits.flatten()
    probs = flat.softmax(dim=-1)
    sorted_p, idx = probs.sort(descending=True, stable=True)
    before = sorted_p.cumsum(dim=-1) - sorted_p
    remove_sorted = before >= p
    remove = remove_sorted.scatter(-1, idx, remove_sorted)
    return flat.masked_fill(remove, float("-inf")).view_as(logits)
