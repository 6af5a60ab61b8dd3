import math

import torch


class KVCache:
    def __init__(self):
        self.k = None
        self.v = None

    def append(self, k_new, v_new):
        if self.k is None:
            self.k, self.v = k_new.clone(), v_new.clone()
        else:
            self.k = torch.cat([self.k, k_new], dim=1)
            self.v = torch.cat([self.v, v_new], dim=1)

    def attend(self, q):
        s, tq = self.k.shape[2], q.shape[2]
        scores = q @ self.k.transpose(-2, -1) / math.sqrt(q.shape[-1])
        allowed = torch.ones(tq, s, dtype=torch.bool).tril(diagonal=s - tq)
        return torch.softmax(scores.masked_fill(~allowed, float("-inf")), dim=-1) @ self.v
