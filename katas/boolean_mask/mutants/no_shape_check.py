def boolean_mask(tensor, mask, axis=0):
    return tensor[(slice(None),) * axis + (mask,)]  # PyTorch's errors, not ValueError
