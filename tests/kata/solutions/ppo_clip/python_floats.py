"""Element by element with Python floats (math.exp of the difference, math.fsum)."""

import math

import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    new = logp_new.reshape(-1).tolist()
    old = logp_old.reshape(-1).tolist()
    adv = advantages.reshape(-1).tolist()
    terms = []
    clipped = 0
    for a, b, A in zip(new, old, adv, strict=True):
        r = math.exp(a - b)
        r_clip = min(max(r, 1 - clip_eps), 1 + clip_eps)
        terms.append(min(r * A, r_clip * A))
        if abs(r - 1) > clip_eps:
            clipped += 1
    n = len(terms)
    loss = -math.fsum(terms) / n
    return torch.tensor(loss, dtype=logp_new.dtype), clipped / n
