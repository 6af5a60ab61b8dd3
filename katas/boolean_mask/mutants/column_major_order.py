import torch


def boolean_mask(tensor, mask, axis=0):
    k = mask.dim()
    if (
        k == 0
        or axis + k > tensor.dim()
        or tuple(mask.shape) != tuple(tensor.shape[axis : axis + k])
    ):
        raise ValueError("mask shape does not match")
    moved = tensor.movedim(tuple(range(axis, axis + k)), tuple(range(k)))
    # walks the mask's positions with the first index varying fastest (column-major)
    positions = torch.nonzero(mask.permute(*reversed(range(k)))).flip(1)
    picked = moved[tuple(positions.T)] if positions.shape[0] else moved[mask]
    return picked.movedim(0, axis)
