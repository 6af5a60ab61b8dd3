"""Kata `kv_cache`: a key/value cache for incremental decoding.

Keep the class name and the method signatures.
Check it with `mlprep kata kv_cache` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


class KVCache:
    def __init__(self) -> None:
        self.k: torch.Tensor | None = None  # [B, H, S, d]
        self.v: torch.Tensor | None = None  # [B, H, S, dv]

    def append(self, k_new: torch.Tensor, v_new: torch.Tensor) -> None:
        """Add T new positions: k_new [B, H, T, d], v_new [B, H, T, dv]."""
        raise NotImplementedError("KVCache.append is not written yet")

    def attend(self, q: torch.Tensor) -> torch.Tensor:
        """q [B, H, Tq, d] are the last Tq positions; causal attention over the cache."""
        raise NotImplementedError("KVCache.attend is not written yet")
