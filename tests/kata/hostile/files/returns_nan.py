import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    return torch.full(q.shape[:-1] + v.shape[-1:], float("nan"), dtype=q.dtype)
