import torch


def cross_entropy(logits, target, ignore_index=-100):
    valid = target != ignore_index
    t = torch.where(valid, target, torch.zeros_like(target))
    loss = torch.logsumexp(logits, dim=1) - logits.gather(1, t[:, None]).squeeze(1)
    loss = torch.where(valid, loss, torch.zeros_like(loss))
    return loss.mean()  # divides by N, ignored rows included
