def boolean_mask(tensor, mask, axis=0):
    if mask.dim() == 0 or tuple(mask.shape) != tuple(tensor.shape[axis : axis + mask.dim()]):
        raise ValueError("mask shape does not match")
    m = mask.reshape(mask.shape + (1,) * (tensor.dim() - axis - mask.dim()))
    return tensor * m.to(tensor.dtype)  # dropped entries become zero, nothing is removed
