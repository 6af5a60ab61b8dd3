import torch
import torch.nn.functional as F


def clip_loss(image_emb, text_emb, logit_scale):
    logits = logit_scale.exp() * image_emb @ text_emb.T  # dot products, not cosines
    t = torch.arange(image_emb.shape[0])
    return (F.cross_entropy(logits, t) + F.cross_entropy(logits.T, t)) / 2
