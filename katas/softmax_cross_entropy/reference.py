"""Reference cross-entropy: log-sum-exp in float64, mean over the targets that are not ignored."""

from __future__ import annotations

import torch


def cross_entropy(logits, target, ignore_index=-100):
    z = logits.double()
    valid = target != ignore_index
    safe_target = torch.where(valid, target, torch.zeros_like(target))  # any in-range class
    log_z = torch.logsumexp(z, dim=1)  # [N]
    picked = z.gather(1, safe_target.unsqueeze(1)).squeeze(1)  # [N]
    losses = torch.where(valid, log_z - picked, torch.zeros_like(log_z))
    # 0 / 0 = nan when every target is ignored (or N = 0), as in PyTorch
    return (losses.sum() / valid.sum()).to(logits.dtype)
