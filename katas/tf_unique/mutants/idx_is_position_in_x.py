import torch


def tf_unique(x, out_idx=torch.int32):
    first: dict = {}
    values = []
    for i, v in enumerate(x.tolist()):
        if v not in first:
            first[v] = i  # position in x, not in y
            values.append(v)
    idx = [first[v] for v in x.tolist()]
    return torch.tensor(values, dtype=x.dtype), torch.tensor(idx, dtype=out_idx)
