"""Vectorised torch: a stable sort groups equal values (first occurrence first in each group);
the groups are ranked by their first position, and idx is scattered back through the sort."""

import torch


def tf_unique(x, out_idx=torch.int32):
    n = x.shape[0]
    if n == 0:
        return x.clone(), torch.zeros(0, dtype=out_idx)
    values, order = torch.sort(x, stable=True)
    starts = torch.ones(n, dtype=torch.bool)
    starts[1:] = values[1:] != values[:-1]
    group = torch.cumsum(starts.long(), 0) - 1  # group number of each sorted element
    first = order[starts]  # first position in x of each group (stable sort)
    rank_order = torch.argsort(first)  # groups in order of first occurrence
    rank = torch.empty_like(rank_order)
    rank[rank_order] = torch.arange(rank_order.shape[0])
    idx = torch.empty(n, dtype=torch.long)
    idx[order] = rank[group]
    return x[first[rank_order]], idx.to(out_idx)
