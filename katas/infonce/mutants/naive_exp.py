import torch
import torch.nn.functional as F


def info_nce(query, keys, temperature):
    q = F.normalize(query, dim=-1)
    k = F.normalize(keys, dim=-1)
    e = torch.exp(q @ k.T / temperature)
    return -torch.log(torch.diagonal(e) / e.sum(dim=1)).mean()
