import torch


def tf_unique(x, out_idx=torch.int32):
    position: dict = {}
    values: list = []
    idx = []
    for v in x.tolist():
        if v not in position:
            position[v] = len(values)
            values.append(v)
        idx.append(position[v])
    return torch.tensor(values), torch.tensor(idx)  # int64 / float32 whatever x and out_idx
