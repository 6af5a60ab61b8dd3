"""Reference tf.unique: one pass with a dict from value to its position in y."""

from __future__ import annotations

import torch


def tf_unique(x, out_idx=torch.int32):
    position: dict = {}
    values: list = []
    idx: list[int] = []
    for v in x.tolist():
        if v not in position:
            position[v] = len(values)
            values.append(v)
        idx.append(position[v])
    return (
        torch.tensor(values, dtype=x.dtype),
        torch.tensor(idx, dtype=out_idx),
    )
