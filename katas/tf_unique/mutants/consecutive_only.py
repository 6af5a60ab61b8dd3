import torch


def tf_unique(x, out_idx=torch.int32):
    values, idx = [], []
    for v in x.tolist():
        if not values or values[-1] != v:  # only merges runs of equal neighbours
            values.append(v)
        idx.append(len(values) - 1)
    return torch.tensor(values, dtype=x.dtype), torch.tensor(idx, dtype=out_idx)
