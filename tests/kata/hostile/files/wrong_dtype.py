import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    scores = q.double() @ k.double().transpose(-2, -1) / q.shape[-1] ** 0.5
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    out = torch.softmax(scores, dim=-1) @ v.double()
    # right values, always in the wrong dtype (float64, or float32 when q was float64)
    return out.float() if q.dtype == torch.float64 else out
