"""The whiteboard version: loop over output positions, slice the real part of each window."""

import torch


def pool2d(x, kernel_size, stride=None, padding=0, mode="max", count_include_pad=True):
    if mode != "max" and mode != "avg":
        raise ValueError("mode must be 'max' or 'avg'")
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    if stride is None:
        stride = (kh, kw)
    sh, sw = (stride, stride) if isinstance(stride, int) else stride
    ph, pw = (padding, padding) if isinstance(padding, int) else padding
    n, c, h, w = x.shape
    h_out = (h + 2 * ph - kh) // sh + 1
    w_out = (w + 2 * pw - kw) // sw + 1
    out = torch.empty(n, c, h_out, w_out, dtype=x.dtype)
    for i in range(h_out):
        top = i * sh - ph
        r0, r1 = max(top, 0), min(top + kh, h)
        for j in range(w_out):
            left = j * sw - pw
            c0, c1 = max(left, 0), min(left + kw, w)
            window = x[:, :, r0:r1, c0:c1]
            if mode == "max":
                out[:, :, i, j] = window.amax(dim=(2, 3))
            else:
                divisor = kh * kw if count_include_pad else (r1 - r0) * (c1 - c0)
                out[:, :, i, j] = window.sum(dim=(2, 3)) / divisor
    return out
