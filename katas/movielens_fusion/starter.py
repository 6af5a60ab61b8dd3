"""Kata `movielens_fusion`: the MovieLens fusion recommender, scored by a range-scaled cosine.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata movielens_fusion` (or `pytest` in this folder).
"""

from __future__ import annotations

from typing import Any

import torch


def movielens_fusion(
    user_ids: torch.Tensor,
    movie_ids: torch.Tensor,
    genres: torch.Tensor,
    title: torch.Tensor,
    weights: dict[str, Any],
    rating_range: tuple[float, float],
) -> torch.Tensor:
    """User tower, movie tower, cosine -> predicted ratings [B] in [r_min, r_max]."""
    raise NotImplementedError("movielens_fusion is not written yet")
