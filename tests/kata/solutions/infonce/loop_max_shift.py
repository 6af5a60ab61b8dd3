"""InfoNCE one query at a time, shifting by the row maximum by hand (float64 inside)."""

import torch


def info_nce(query, keys, temperature):
    n = query.shape[0]
    q = query.double()
    k = keys.double()
    k = k / torch.sqrt((k * k).sum(-1, keepdim=True))
    total = 0.0
    for i in range(n):
        qi = q[i] / torch.sqrt((q[i] * q[i]).sum())
        row = (k @ qi) / temperature
        m = row.max()
        log_denominator = m + torch.log(torch.exp(row - m).sum())
        total += float(log_denominator - row[i])
    return torch.tensor(total / n, dtype=query.dtype)
