"""TRL-style grouping in the input dtype: (pi_c - pi_r) - (ref_c - ref_r), softplus, a list result."""

from __future__ import annotations

import torch.nn.functional as F


def dpo_loss(pc, pr, rc, rr, beta, label_smoothing=0.0):
    pi_logratios = pc - pr
    ref_logratios = rc - rr
    logits = pi_logratios - ref_logratios
    # -log sigmoid(x) = softplus(-x)
    losses = (1 - label_smoothing) * F.softplus(-beta * logits) + label_smoothing * F.softplus(
        beta * logits
    )
    return [losses.mean(), beta * (pc - rc), beta * (pr - rr)]
