"""Kata `deepfm`: DeepFM forward pass (FM part + DNN part on shared field embeddings).

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata deepfm` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def deepfm(
    ids: torch.Tensor, values: torch.Tensor, weights: dict[str, torch.Tensor]
) -> torch.Tensor:
    """int64 [B, F] feature ids, [B, F] values, weights -> click probabilities [B]."""
    raise NotImplementedError("deepfm is not written yet")
