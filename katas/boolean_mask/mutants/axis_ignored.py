def boolean_mask(tensor, mask, axis=0):
    if mask.dim() == 0 or mask.dim() > tensor.dim():
        raise ValueError("bad mask")
    if tuple(mask.shape) != tuple(tensor.shape[: mask.dim()]):
        raise ValueError("mask shape does not match")
    return tensor[mask]  # always from dimension 0
