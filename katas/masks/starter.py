"""Kata `masks`: the padding mask and the causal (look-ahead) mask of a Transformer.

Convention: True = keep (a real token; the query may attend to that key).
Replace the bodies of both functions; keep their names and signatures.
Check them with `mlprep kata masks` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def padding_mask(lengths: torch.Tensor, max_len: int) -> torch.Tensor:
    """bool [B, max_len]: mask[b, t] is True when t < lengths[b] (a real token)."""
    raise NotImplementedError("padding_mask is not written yet")


def causal_mask(size: int) -> torch.Tensor:
    """bool [size, size]: mask[i, j] is True when query i may attend to key j (j <= i)."""
    raise NotImplementedError("causal_mask is not written yet")
