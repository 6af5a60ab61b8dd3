import torch


def swiglu(x, w1, w2, w3):
    x64 = x.double()
    gate = x64 @ w1.double()  # [..., d_ff]
    up = x64 @ w3.double()  # [..., d_ff]
    hidden = gate * torch.sigmoid(gate) * up  # silu(gate) * up
    return (hidden @ w2.double()).to(x.dtype)
