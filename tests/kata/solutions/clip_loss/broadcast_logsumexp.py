"""Cosine similarity by broadcasting [N, N, d] (torch.cosine_similarity), logsumexp by hand."""

import torch


def clip_loss(image_emb, text_emb, logit_scale):
    cos = torch.cosine_similarity(image_emb[:, None, :], text_emb[None, :, :], dim=-1, eps=0.0)
    logits = logit_scale.exp() * cos
    diag = torch.diagonal(logits)
    loss_i2t = (torch.logsumexp(logits, dim=1) - diag).mean()
    loss_t2i = (torch.logsumexp(logits, dim=0) - diag).mean()
    return (loss_i2t + loss_t2i) / 2
