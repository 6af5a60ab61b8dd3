import torch
import torch.nn.functional as F


def clip_loss(image_emb, text_emb, logit_scale):
    img = F.normalize(image_emb, dim=-1)
    txt = F.normalize(text_emb, dim=-1)
    logits = logit_scale.exp() * img @ txt.T
    t = torch.arange(img.shape[0])
    loss_i = F.cross_entropy(logits, t, reduction="sum")
    loss_t = F.cross_entropy(logits.T, t, reduction="sum")
    return (loss_i + loss_t) / 2
