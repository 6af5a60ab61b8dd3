"""Kata `positional_encoding`: the sinusoidal position-encoding table of the Transformer.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata positional_encoding` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def sinusoidal_table(max_len: int, d_model: int) -> torch.Tensor:
    """float32 [max_len, d_model]: PE[pos, 2i] = sin(pos / 10000^(2i/d_model)), PE[pos, 2i+1] = cos(...)."""
    raise NotImplementedError("sinusoidal_table is not written yet")
