"""im2col with F.unfold on an explicitly padded input, reductions in float64, cast back."""

import torch
import torch.nn.functional as F


def pool2d(x, kernel_size, stride=None, padding=0, mode="max", count_include_pad=True):
    if mode not in {"max", "avg"}:
        raise ValueError(mode)
    k = (kernel_size,) * 2 if isinstance(kernel_size, int) else tuple(kernel_size)
    s = k if stride is None else ((stride,) * 2 if isinstance(stride, int) else tuple(stride))
    p = (padding,) * 2 if isinstance(padding, int) else tuple(padding)
    n, c, h, w = x.shape
    h_out = (h + 2 * p[0] - k[0]) // s[0] + 1
    w_out = (w + 2 * p[1] - k[1]) // s[1] + 1
    fill = float("-inf") if mode == "max" else 0.0
    xp = F.pad(x.double(), (p[1], p[1], p[0], p[0]), value=fill)
    cols = F.unfold(xp.reshape(n * c, 1, *xp.shape[-2:]), k, stride=s)  # [N·C, kh·kw, L]
    if mode == "max":
        res = cols.max(dim=1).values
    else:
        res = cols.sum(dim=1)
        if count_include_pad:
            res = res / (k[0] * k[1])
        else:
            mask = F.pad(torch.ones(1, 1, h, w, dtype=torch.float64), (p[1], p[1], p[0], p[0]))
            res = res / F.unfold(mask, k, stride=s).sum(dim=1)
    return res.reshape(n, c, h_out, w_out).to(x.dtype)
