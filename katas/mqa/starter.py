"""Kata `mqa`: grouped-query attention (MQA when there is one kv head).

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata mqa` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def grouped_query_attention(
    q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, causal: bool
) -> torch.Tensor:
    """q [B, Hq, L, d], k [B, Hkv, S, d], v [B, Hkv, S, dv] -> [B, Hq, L, dv].

    Query head h uses kv head h // (Hq // Hkv). With causal=True, query i is at
    absolute position S - L + i and attends keys j <= S - L + i.
    """
    raise NotImplementedError("grouped_query_attention is not written yet")
