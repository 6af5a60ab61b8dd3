"""numpy, W1 split into its four d-row blocks (no concatenation), tanh-form sigmoid, float32."""

import numpy as np
import torch


def din_attention(candidate, behaviors, mask, weights):
    dt = candidate.numpy().dtype
    a = candidate.numpy()[:, None, :]
    e = behaviors.numpy()
    m = mask.numpy()
    W1 = weights["W1"].numpy()
    d = a.shape[-1]
    Wa, We, Wd, Wp = W1[:d], W1[d : 2 * d], W1[2 * d : 3 * d], W1[3 * d :]
    z = a @ Wa + e @ We + (a - e) @ Wd + (a * e) @ Wp + weights["b1"].numpy()
    h = 0.5 * (1.0 + np.tanh(0.5 * z))
    h = 0.5 * (1.0 + np.tanh(0.5 * (h @ weights["W2"].numpy() + weights["b2"].numpy())))
    w = h @ weights["w3"].numpy() + weights["b3"].numpy()
    w = np.where(m, w, 0).astype(dt)
    e = np.where(m[..., None], e, 0).astype(dt)
    return torch.from_numpy(np.einsum("bt,btd->bd", w, e).astype(dt))
