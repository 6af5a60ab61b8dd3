"""Kata `clip_loss`: CLIP's symmetric image-text contrastive loss.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata clip_loss` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def clip_loss(
    image_emb: torch.Tensor, text_emb: torch.Tensor, logit_scale: torch.Tensor
) -> torch.Tensor:
    """image_emb, text_emb: [N, d]; logit_scale: 0-dim (log of the scale). Returns a 0-dim tensor."""
    raise NotImplementedError("clip_loss is not written yet")
