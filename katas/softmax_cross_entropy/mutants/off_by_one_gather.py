import torch


def cross_entropy(logits, target, ignore_index=-100):
    valid = target != ignore_index
    z, t = logits[valid], target[valid]
    picked = z[torch.arange(len(t)), t - 1]  # as if classes were numbered from 1 (-1 wraps around)
    return (torch.logsumexp(z, dim=1) - picked).sum() / valid.sum()
