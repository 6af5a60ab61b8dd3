import torch
import torch.nn.functional as F


def clip_loss(image_emb, text_emb, logit_scale):
    img = F.normalize(image_emb, dim=0)  # normalises each feature column over the batch
    txt = F.normalize(text_emb, dim=0)
    logits = logit_scale.exp() * img @ txt.T
    t = torch.arange(img.shape[0])
    return (F.cross_entropy(logits, t) + F.cross_entropy(logits.T, t)) / 2
