"""Correct, written differently: numpy, an explicit zero-padded array and a loop over output
positions (each a tensordot over C, kh, kw with fancy-indexed dilated windows)."""

import numpy as np
import torch


def conv2d(x, weight, bias=None, stride=1, padding=0, dilation=1):
    def two(v):
        return (v, v) if isinstance(v, int) else (v[0], v[1])

    (sh, sw), (ph, pw), (dh, dw) = two(stride), two(padding), two(dilation)
    X = x.numpy()
    Wt = weight.numpy()
    n, c, h, w = X.shape
    o, _, kh, kw = Wt.shape
    xp = np.zeros((n, c, h + 2 * ph, w + 2 * pw), dtype=X.dtype)
    xp[:, :, ph : ph + h, pw : pw + w] = X
    h_out = (h + 2 * ph - dh * (kh - 1) - 1) // sh + 1
    w_out = (w + 2 * pw - dw * (kw - 1) - 1) // sw + 1
    out = np.zeros((n, o, h_out, w_out), dtype=X.dtype)
    rows_k = np.arange(kh) * dh
    cols_k = np.arange(kw) * dw
    for i in range(h_out):
        for j in range(w_out):
            win = xp[:, :, (i * sh + rows_k)[:, None], (j * sw + cols_k)[None, :]]  # [N, C, kh, kw]
            out[:, :, i, j] = np.tensordot(win, Wt, axes=([1, 2, 3], [1, 2, 3]))
    if bias is not None:
        out += bias.numpy()[None, :, None, None]
    return torch.from_numpy(out)
