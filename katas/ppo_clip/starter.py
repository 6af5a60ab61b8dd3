"""Kata `ppo_clip`: PPO's clipped surrogate objective (as a loss) and the clip fraction.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata ppo_clip`.
"""

from __future__ import annotations

import torch


def ppo_clip_loss(
    logp_new: torch.Tensor,
    logp_old: torch.Tensor,
    advantages: torch.Tensor,
    clip_eps: float = 0.2,
) -> tuple[torch.Tensor, float]:
    """Return (loss, clip_fraction): ratio = exp(logp_new − logp_old);
    loss = −mean(min(ratio·A, clip(ratio, 1 − ε, 1 + ε)·A)) as a 0-dim tensor;
    clip_fraction = the fraction of elements with |ratio − 1| > ε, as a Python float."""
    raise NotImplementedError("ppo_clip_loss is not written yet")
