import torch


def rms_norm(x, weight, eps=1e-6):
    centred = x - x.mean(-1, keepdim=True)  # this is LayerNorm without bias
    return centred / torch.sqrt(centred.pow(2).mean(-1, keepdim=True) + eps) * weight
