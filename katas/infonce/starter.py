"""Kata `infonce`: InfoNCE loss with in-batch negatives and cosine similarity.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata infonce` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def info_nce(query: torch.Tensor, keys: torch.Tensor, temperature: float) -> torch.Tensor:
    """query, keys: [N, d]; keys[i] is the positive of query[i]. Returns a 0-dim tensor."""
    raise NotImplementedError("info_nce is not written yet")
