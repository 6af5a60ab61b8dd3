"""TensorFlow's own formula in the input dtype: x * rsqrt(maximum(reduce_sum(x², keepdims), ε))."""

import torch


def l2_normalize(x, axis=None, epsilon=1e-12):
    if axis is None:
        axis = tuple(range(x.dim()))
    square_sum = torch.sum(torch.square(x), dim=axis, keepdim=True)
    return x * torch.rsqrt(torch.maximum(square_sum, torch.tensor(epsilon, dtype=x.dtype)))
