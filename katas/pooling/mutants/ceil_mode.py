"""Mutant ceil_mode."""

from __future__ import annotations

import torch


def _pair(v):
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def pool2d(x, kernel_size, stride=None, padding=0, mode="max", count_include_pad=True):
    if mode not in ("max", "avg"):
        raise ValueError(f"mode must be 'max' or 'avg', got {mode!r}")
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    ph, pw = _pair(padding)
    n, c, h, w = x.shape
    h_out = -(-(h + 2 * ph - kh) // sh) + 1  # ceil instead of floor
    w_out = -(-(w + 2 * pw - kw) // sw) + 1
    h_out -= (h_out - 1) * sh >= h + ph  # PyTorch's rule: the last window starts inside
    w_out -= (w_out - 1) * sw >= w + pw
    fill = float("-inf") if mode == "max" else 0.0
    H, W = max(h + 2 * ph, (h_out - 1) * sh + kh), max(w + 2 * pw, (w_out - 1) * sw + kw)
    padded = torch.full((n, c, H, W), fill, dtype=torch.float64)
    padded[:, :, ph : ph + h, pw : pw + w] = x.double()
    real = torch.zeros(H, W, dtype=torch.float64)
    real[ph : ph + h, pw : pw + w] = 1.0
    out = None
    count = torch.zeros(h_out, w_out, dtype=torch.float64)
    for i in range(kh):
        for j in range(kw):
            rows = slice(i, i + sh * (h_out - 1) + 1, sh)
            cols = slice(j, j + sw * (w_out - 1) + 1, sw)
            window = padded[:, :, rows, cols]
            count += real[rows, cols]
            if out is None:
                out = window.clone()
            elif mode == "max":
                out = torch.maximum(out, window)
            else:
                out = out + window
    if mode == "avg":
        out = out / (count if not count_include_pad else kh * kw)
    return out.to(x.dtype)
