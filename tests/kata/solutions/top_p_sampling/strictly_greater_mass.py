"""The definition, literally: per row, the mass of the strictly more likely tokens.

Groups equal probabilities with torch.unique (ascending), so a suffix sum over the groups
gives each group's "mass strictly above"; no sort of the tokens themselves.
"""

import torch


def top_p_filter(logits, p):
    probs = logits.double().softmax(dim=-1)
    keep = torch.empty_like(probs, dtype=torch.bool)
    for r, row in enumerate(probs):
        values, inverse, counts = torch.unique(row, return_inverse=True, return_counts=True)
        group_mass = values * counts
        above = group_mass.flip(0).cumsum(0).flip(0) - group_mass  # mass of larger groups
        keep[r] = above[inverse] < p
    return torch.where(keep, logits, torch.full_like(logits, float("-inf")))
