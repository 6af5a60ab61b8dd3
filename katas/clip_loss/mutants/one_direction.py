import torch
import torch.nn.functional as F


def clip_loss(image_emb, text_emb, logit_scale):
    img = F.normalize(image_emb, dim=-1)
    txt = F.normalize(text_emb, dim=-1)
    logits = logit_scale.exp() * img @ txt.T
    return F.cross_entropy(logits, torch.arange(img.shape[0]))  # images -> texts only
