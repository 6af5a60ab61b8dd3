"""The paper's pseudo-code in PyTorch, in the input dtype: F.cross_entropy on logits and logits.T."""

import torch
import torch.nn.functional as F


def clip_loss(image_emb, text_emb, logit_scale):
    image_emb = image_emb / image_emb.norm(dim=1, keepdim=True)
    text_emb = text_emb / text_emb.norm(dim=1, keepdim=True)
    logits_per_image = logit_scale.exp() * image_emb @ text_emb.t()
    logits_per_text = logits_per_image.t()
    labels = torch.arange(image_emb.shape[0])
    return (
        F.cross_entropy(logits_per_image, labels) + F.cross_entropy(logits_per_text, labels)
    ) / 2
