"""KV cache that keeps a list of chunks and a position-based mask (einsum attention)."""

import torch


class KVCache:
    def __init__(self):
        self.k_chunks = []
        self.v_chunks = []

    def append(self, k_new, v_new):
        self.k_chunks.append(k_new.detach().clone())
        self.v_chunks.append(v_new.detach().clone())

    def attend(self, q):
        k = torch.cat(self.k_chunks, dim=-2)
        v = torch.cat(self.v_chunks, dim=-2)
        s, tq = k.shape[-2], q.shape[-2]
        scores = torch.einsum("bhqd,bhkd->bhqk", q, k) / q.shape[-1] ** 0.5
        q_pos = torch.arange(s - tq, s).unsqueeze(1)
        k_pos = torch.arange(s).unsqueeze(0)
        scores = scores.masked_fill(k_pos > q_pos, float("-inf"))
        return torch.einsum("bhqk,bhkd->bhqd", scores.softmax(-1), v)
