import torch


def tf_unique(x, out_idx=torch.int32):
    values = sorted(set(x.tolist()))
    position = {v: i for i, v in enumerate(values)}
    idx = [position[v] for v in x.tolist()]
    return torch.tensor(values, dtype=x.dtype), torch.tensor(idx, dtype=out_idx)
