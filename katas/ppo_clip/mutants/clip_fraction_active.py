import torch


def ppo_clip_loss(logp_new, logp_old, advantages, clip_eps=0.2):
    ratio = torch.exp(logp_new - logp_old)
    clipped = torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps)
    unclipped_term, clipped_term = ratio * advantages, clipped * advantages
    loss = -torch.minimum(unclipped_term, clipped_term).mean()
    # counts only where the clipped term wins the min (the gradient is cut)
    active = clipped_term < unclipped_term
    return loss, float(active.float().mean())
