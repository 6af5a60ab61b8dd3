"""Reference PPO clipped surrogate loss and clip fraction, computed in float64."""

from __future__ import annotations

import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    ratio = torch.exp(logp_new.double() - logp_old.double())
    adv = advantages.double()
    unclipped = ratio * adv
    clipped = torch.clamp(ratio, 1.0 - clip_eps, 1.0 + clip_eps) * adv
    loss = -torch.minimum(unclipped, clipped).mean()
    clip_fraction = float(((ratio - 1.0).abs() > clip_eps).double().mean())
    return loss.to(logp_new.dtype), clip_fraction
