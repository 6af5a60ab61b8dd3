"""F.pad, then Tensor.unfold twice into [N, C, H_out, W_out, kh, kw]; counts by pooling ones."""

import torch
import torch.nn.functional as F


def _pair(v):
    return tuple(v) if isinstance(v, (tuple, list)) else (v, v)


def pool2d(x, kernel_size, stride=None, padding=0, mode="max", count_include_pad=True):
    if mode not in ("max", "avg"):
        raise ValueError(f"unknown mode {mode!r}")
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(stride if stride is not None else kernel_size)
    ph, pw = _pair(padding)
    if mode == "max":
        xp = F.pad(x, (pw, pw, ph, ph), value=float("-inf"))
        return xp.unfold(2, kh, sh).unfold(3, kw, sw).amax(dim=(-2, -1))
    xp = F.pad(x, (pw, pw, ph, ph))
    sums = xp.unfold(2, kh, sh).unfold(3, kw, sw).sum(dim=(-2, -1))
    if count_include_pad:
        return sums / (kh * kw)
    ones = F.pad(torch.ones(x.shape[-2:], dtype=x.dtype), (pw, pw, ph, ph))
    counts = ones.unfold(0, kh, sh).unfold(1, kw, sw).sum(dim=(-2, -1))
    return sums / counts
