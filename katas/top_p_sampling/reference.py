"""Reference nucleus filter: exclusive cumsum over sorted probabilities, then a cutoff."""

from __future__ import annotations

import torch


def top_p_filter(logits, p):
    probs = torch.softmax(logits.double(), dim=-1)
    sorted_p, _ = torch.sort(probs, dim=-1, descending=True)
    before = torch.cumsum(sorted_p, dim=-1) - sorted_p  # mass of the tokens before each one
    kept_sorted = before < p  # a prefix of every row (before is non-decreasing)
    kept_sorted[..., 0] = True
    # the smallest kept probability of each row; ties with it are kept too
    cutoff = torch.where(kept_sorted, sorted_p, torch.inf).min(dim=-1, keepdim=True).values
    return logits.masked_fill(probs < cutoff, float("-inf"))
