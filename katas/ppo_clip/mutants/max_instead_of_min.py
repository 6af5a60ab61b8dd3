import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    ratio = torch.exp(logp_new - logp_old)
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps)
    loss = -torch.maximum(ratio * advantages, clipped * advantages).mean()  # optimistic bound
    return loss, float(((ratio - 1).abs() > clip_eps).float().mean())
