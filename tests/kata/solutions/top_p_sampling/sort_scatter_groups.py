"""Sort, exclusive cumsum in float32, group ties by their first sorted position, scatter back."""

import torch


def top_p_filter(logits, p):
    probs = logits.softmax(dim=-1)
    sorted_p, idx = probs.sort(dim=-1, descending=True, stable=True)
    before = sorted_p.cumsum(dim=-1) - sorted_p
    # a tied run shares the "before" value of its first member
    new_group = torch.ones_like(sorted_p, dtype=torch.bool)
    new_group[:, 1:] = sorted_p[:, 1:] != sorted_p[:, :-1]
    positions = torch.arange(sorted_p.shape[-1]).expand_as(sorted_p)
    first = torch.where(new_group, positions, torch.zeros_like(positions)).cummax(dim=-1).values
    keep_sorted = before.gather(-1, first) < p
    keep = torch.zeros_like(keep_sorted).scatter(-1, idx, keep_sorted)
    out = logits.clone()
    out[~keep] = float("-inf")
    return out
