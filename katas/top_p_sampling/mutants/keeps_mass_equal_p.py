def top_p_filter(logits, p):
    probs = logits.softmax(dim=-1)
    sorted_p, _ = probs.sort(dim=-1, descending=True)
    before = sorted_p.cumsum(dim=-1) - sorted_p
    kept_sorted = before <= p  # keeps a token when the mass before it equals p
    cutoff = sorted_p.masked_fill(~kept_sorted, float("inf")).min(dim=-1, keepdim=True).values
    return logits.masked_fill(probs < cutoff, float("-inf"))
