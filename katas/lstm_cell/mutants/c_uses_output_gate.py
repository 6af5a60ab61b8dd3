import torch


def lstm_cell(x, h, c, w_ih, w_hh, b_ih=None, b_hh=None):
    gates = x.double() @ w_ih.double().T + h.double() @ w_hh.double().T
    if b_ih is not None:
        gates = gates + b_ih.double() + b_hh.double()
    i, f, g, o = gates.chunk(4, dim=-1)
    i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
    c_new = o * c.double() + i * g
    h_new = o * torch.tanh(c_new)
    return h_new.to(x.dtype), c_new.to(x.dtype)
