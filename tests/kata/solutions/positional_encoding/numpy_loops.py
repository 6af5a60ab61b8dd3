"""The seed's style: a numpy table built entry by entry, converted to a float32 tensor."""

import numpy as np
import torch


def sinusoidal_table(max_len, d_model):
    table = np.zeros((max_len, d_model))
    for pos in range(max_len):
        for j in range(d_model):
            angle = pos / np.power(10000, 2 * (j // 2) / d_model)
            table[pos, j] = np.sin(angle) if j % 2 == 0 else np.cos(angle)
    return torch.tensor(table, dtype=torch.float32)
