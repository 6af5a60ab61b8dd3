import torch
import torch.nn.functional as F


def clip_loss(image_emb, text_emb, logit_scale):
    img = F.normalize(image_emb, dim=-1)
    txt = F.normalize(text_emb, dim=-1)
    e = torch.exp(logit_scale.exp() * img @ txt.T)  # overflows for large logits
    diag = torch.diagonal(e)
    loss_i = -torch.log(diag / e.sum(dim=1)).mean()
    loss_t = -torch.log(diag / e.sum(dim=0)).mean()
    return (loss_i + loss_t) / 2
