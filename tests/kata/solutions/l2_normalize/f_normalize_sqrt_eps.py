"""F.normalize bounds the norm: eps = sqrt(epsilon) gives max(‖x‖, √ε) = √max(‖x‖², ε)."""

import math

import torch.nn.functional as F


def l2_normalize(x, axis=None, epsilon=1e-12):
    if axis is None:
        return F.normalize(x.reshape(-1), dim=0, eps=math.sqrt(epsilon)).reshape(x.shape)
    return F.normalize(x, p=2.0, dim=axis, eps=math.sqrt(epsilon))
