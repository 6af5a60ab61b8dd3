"""Average pooling as a depthwise conv2d with a ones kernel; max pooling with pad + amax loops."""

import torch
import torch.nn.functional as F


def pool2d(x, kernel_size, stride=None, padding=0, mode="max", count_include_pad=True):
    if mode not in ("max", "avg"):
        raise ValueError(mode)
    k = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
    s = k if stride is None else ((stride, stride) if isinstance(stride, int) else tuple(stride))
    p = (padding, padding) if isinstance(padding, int) else tuple(padding)
    n, c, h, w = x.shape
    if mode == "max":
        xp = F.pad(x, (p[1], p[1], p[0], p[0]), value=float("-inf"))
        ho = (h + 2 * p[0] - k[0]) // s[0] + 1
        wo = (w + 2 * p[1] - k[1]) // s[1] + 1
        out = None
        for i in range(k[0]):
            for j in range(k[1]):
                win = xp[
                    :, :, i : i + s[0] * (ho - 1) + 1 : s[0], j : j + s[1] * (wo - 1) + 1 : s[1]
                ]
                out = win if out is None else torch.maximum(out, win)
        return out
    ones = torch.ones(1, 1, *k, dtype=x.dtype)
    sums = F.conv2d(x.reshape(n * c, 1, h, w), ones, stride=s, padding=p)
    if count_include_pad:
        res = sums / (k[0] * k[1])
    else:
        cnt = F.conv2d(torch.ones(1, 1, h, w, dtype=x.dtype), ones, stride=s, padding=p)
        res = sums / cnt
    return res.reshape(n, c, *res.shape[-2:])
