"""Hugging Face TopPLogitsWarper's arithmetic: sort ascending, inclusive cumsum from the least
likely token, remove where it is <= 1 - p (the same as "mass before it >= p"), always keep the
most likely token; then, unlike the warper, keep every token tied with the smallest kept one."""

import torch


def top_p_filter(logits, p):
    probs = logits.softmax(dim=-1)
    sorted_p, _ = torch.sort(probs, dim=-1)  # ascending
    remove_sorted = sorted_p.cumsum(dim=-1) <= 1 - p
    remove_sorted[..., -1] = False
    cutoff = sorted_p.masked_fill(remove_sorted, float("inf")).min(dim=-1, keepdim=True).values
    return logits.masked_fill(probs < cutoff, float("-inf"))
