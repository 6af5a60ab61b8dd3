import torch
import torch.nn.functional as F


def info_nce(query, keys, temperature):
    logits = query @ keys.T / temperature
    return F.cross_entropy(logits, torch.arange(query.shape[0]))
