"""Kata `mha`: a multi-head attention module, written by hand.

Keep the class name, the constructor arguments, the four sub-module names and
forward's signature. Check it with `mlprep kata mha` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch
from torch import nn


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model: int, num_heads: int) -> None:
        super().__init__()
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.out_proj = nn.Linear(d_model, d_model)

    def forward(
        self,
        query: torch.Tensor,
        key: torch.Tensor,
        value: torch.Tensor,
        mask: torch.Tensor | None = None,
    ) -> torch.Tensor:
        """[B, Lq, d_model], [B, Lk, d_model], [B, Lk, d_model] -> [B, Lq, d_model]."""
        raise NotImplementedError("MultiHeadAttention.forward is not written yet")
