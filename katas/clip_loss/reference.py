"""Reference CLIP loss: cosine logits times exp(logit_scale), symmetric cross-entropy, in float64."""

from __future__ import annotations

import torch
import torch.nn.functional as F


def clip_loss(image_emb, text_emb, logit_scale):
    img = F.normalize(image_emb.double(), dim=-1)
    txt = F.normalize(text_emb.double(), dim=-1)
    logits = torch.exp(logit_scale.double()) * img @ txt.T
    targets = torch.arange(image_emb.shape[0])
    loss = (F.cross_entropy(logits, targets) + F.cross_entropy(logits.T, targets)) / 2
    return loss.to(image_emb.dtype)
