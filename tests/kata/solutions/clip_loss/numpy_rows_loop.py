"""numpy in the input dtype, one row and one column at a time, each shifted by its maximum."""

import numpy as np
import torch


def clip_loss(image_emb, text_emb, logit_scale):
    img, txt = image_emb.numpy(), text_emb.numpy()
    img = img / np.sqrt((img * img).sum(axis=1, keepdims=True))
    txt = txt / np.sqrt((txt * txt).sum(axis=1, keepdims=True))
    logits = np.exp(logit_scale.numpy()) * (img @ txt.T)
    n = logits.shape[0]
    total_i = total_t = 0.0
    for i in range(n):
        row, col = logits[i, :], logits[:, i]
        total_i += row.max() + np.log(np.exp(row - row.max()).sum()) - logits[i, i]
        total_t += col.max() + np.log(np.exp(col - col.max()).sum()) - logits[i, i]
    loss = (total_i / n + total_t / n) / 2
    return torch.tensor(loss, dtype=image_emb.dtype)
