"""CleanRL's ppo.py: negated terms and torch.max, logratio.exp(); flattened inputs."""

import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    logratio = logp_new.reshape(-1) - logp_old.reshape(-1)
    ratio = logratio.exp()
    mb_advantages = advantages.reshape(-1)
    pg_loss1 = -mb_advantages * ratio
    pg_loss2 = -mb_advantages * torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps)
    pg_loss = torch.max(pg_loss1, pg_loss2).mean()
    clipfrac = ((ratio - 1.0).abs() > clip_eps).float().mean().item()
    return pg_loss, clipfrac
