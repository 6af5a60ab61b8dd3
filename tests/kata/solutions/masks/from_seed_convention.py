"""The seed's masks (True = masked: triu(k=1), padding positions), inverted with `~`."""

import numpy as np
import torch


def padding_mask(lengths, max_len):
    is_pad = torch.arange(max_len).expand(len(lengths), max_len) >= lengths[:, None].long()
    return ~is_pad


def causal_mask(size):
    subsequent = torch.from_numpy(np.triu(np.ones((size, size)), k=1)).bool()
    return ~subsequent
