"""InfoNCE with explicit logsumexp, in the inputs' precision."""

import torch


def info_nce(query, keys, temperature):
    q = query / query.norm(dim=1, keepdim=True)
    k = keys / keys.norm(dim=1, keepdim=True)
    logits = torch.einsum("id,jd->ij", q, k) / temperature
    positives = (q * k).sum(dim=1) / temperature
    return (torch.logsumexp(logits, dim=1) - positives).mean()
