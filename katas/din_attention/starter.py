"""Kata `din_attention`: DIN's local activation unit (attention pooling over user behaviours).

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata din_attention` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def din_attention(
    candidate: torch.Tensor,
    behaviors: torch.Tensor,
    mask: torch.Tensor,
    weights: dict[str, torch.Tensor],
) -> torch.Tensor:
    """[B, d], [B, T, d], bool [B, T], MLP weights -> [B, d]: sum_t w_t * e_t over valid t."""
    raise NotImplementedError("din_attention is not written yet")
