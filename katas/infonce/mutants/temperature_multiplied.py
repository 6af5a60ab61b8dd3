import torch
import torch.nn.functional as F


def info_nce(query, keys, temperature):
    q = F.normalize(query, dim=-1)
    k = F.normalize(keys, dim=-1)
    logits = q @ k.T * temperature
    return F.cross_entropy(logits, torch.arange(query.shape[0]))
