"""Reference conv2d (cross-correlation): zero-pad, then one strided slice per kernel tap, in
float64, cast back to x's dtype."""

from __future__ import annotations

import torch
import torch.nn.functional as F


def _pair(v):
    return (int(v), int(v)) if isinstance(v, int) else (int(v[0]), int(v[1]))


def conv2d(x, weight, bias=None, stride=1, padding=0, dilation=1):
    (sh, sw), (ph, pw), (dh, dw) = _pair(stride), _pair(padding), _pair(dilation)
    n, _c, h, w = x.shape
    o, _, kh, kw = weight.shape
    h_out = (h + 2 * ph - dh * (kh - 1) - 1) // sh + 1
    w_out = (w + 2 * pw - dw * (kw - 1) - 1) // sw + 1
    xp = F.pad(x.double(), (pw, pw, ph, ph))  # zeros: left, right, top, bottom
    w64 = weight.double()
    out = torch.zeros(n, o, h_out, w_out, dtype=torch.float64)
    for i in range(kh):
        for j in range(kw):
            top, left = i * dh, j * dw
            patch = xp[
                :, :, top : top + sh * (h_out - 1) + 1 : sh, left : left + sw * (w_out - 1) + 1 : sw
            ]
            out += torch.einsum("nchw,oc->nohw", patch, w64[:, :, i, j])
    if bias is not None:
        out += bias.double().view(1, o, 1, 1)
    return out.to(x.dtype)
