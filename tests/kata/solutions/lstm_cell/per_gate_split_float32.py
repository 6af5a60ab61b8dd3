"""float32, one weight slice per gate via Tensor.split, F.linear, and a list as the result."""

from __future__ import annotations

import torch
import torch.nn.functional as F


def lstm_cell(x, h, c, w_ih, w_hh, b_ih=None, b_hh=None):
    hidden = h.shape[-1]
    wi = w_ih.split(hidden, dim=0)
    wh = w_hh.split(hidden, dim=0)
    bi = b_ih.split(hidden) if b_ih is not None else [None] * 4
    bh = b_hh.split(hidden) if b_hh is not None else [None] * 4
    pre = [F.linear(x, wi[k], bi[k]) + F.linear(h, wh[k], bh[k]) for k in range(4)]
    i_gate = torch.sigmoid(pre[0])
    f_gate = torch.sigmoid(pre[1])
    g_cand = torch.tanh(pre[2])
    o_gate = torch.sigmoid(pre[3])
    c_new = f_gate * c + i_gate * g_cand
    return [o_gate * torch.tanh(c_new), c_new]
