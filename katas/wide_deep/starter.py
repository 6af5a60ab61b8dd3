"""Kata `wide_deep`: Wide & Deep forward pass (joint logit of a linear part and an MLP).

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata wide_deep` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def wide_deep(
    wide_x: torch.Tensor,
    deep_ids: torch.Tensor,
    dense: torch.Tensor,
    weights: dict[str, torch.Tensor],
) -> torch.Tensor:
    """[B, n_wide], int64 [B, F], [B, n_dense], weights -> probabilities [B]."""
    raise NotImplementedError("wide_deep is not written yet")
