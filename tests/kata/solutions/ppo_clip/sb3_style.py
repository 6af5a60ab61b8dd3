"""Stable-Baselines3's PPO.train: policy_loss_1/2, th.min, clip fraction via .item()."""

import torch as th


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    ratio = th.exp(logp_new - logp_old)
    policy_loss_1 = advantages * ratio
    policy_loss_2 = advantages * th.clamp(ratio, 1 - clip_eps, 1 + clip_eps)
    policy_loss = -th.min(policy_loss_1, policy_loss_2).mean()
    clip_fraction = th.mean((th.abs(ratio - 1) > clip_eps).float()).item()
    return policy_loss, clip_fraction
