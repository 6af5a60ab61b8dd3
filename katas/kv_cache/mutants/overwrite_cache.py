import math

import torch


class KVCache:
    def __init__(self):
        self.k = None
        self.v = None

    def append(self, k_new, v_new):
        self.k, self.v = k_new.clone(), v_new.clone()

    def attend(self, q):
        s, tq = self.k.shape[2], q.shape[2]
        scores = q @ self.k.transpose(-2, -1) / math.sqrt(q.shape[-1])
        allowed = torch.ones(tq, s, dtype=torch.bool).tril(diagonal=s - tq)
        return torch.softmax(scores.masked_fill(~allowed, float("-inf")), dim=-1) @ self.v
