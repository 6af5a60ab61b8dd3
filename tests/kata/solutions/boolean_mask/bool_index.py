"""PyTorch's own K-dim boolean indexing after full slices for the first `axis` dims."""


def boolean_mask(tensor, mask, axis=0):
    k = mask.ndim
    if k == 0:
        raise ValueError("mask cannot be scalar")
    if axis + k > tensor.ndim or mask.shape != tensor.shape[axis : axis + k]:
        raise ValueError(f"mask shape {list(mask.shape)} does not match {list(tensor.shape)}")
    return tensor[(slice(None),) * axis + (mask,)]
