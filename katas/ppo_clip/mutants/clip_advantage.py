import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    ratio = torch.exp(logp_new - logp_old)
    clipped_adv = torch.clamp(advantages, 1 - clip_eps, 1 + clip_eps)  # clips A, not the ratio
    loss = -torch.minimum(ratio * advantages, ratio * clipped_adv).mean()
    return loss, float(((ratio - 1).abs() > clip_eps).float().mean())
