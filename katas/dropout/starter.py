"""Kata `dropout`: inverted dropout with a deterministic random draw.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata dropout` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def dropout(x: torch.Tensor, p: float, training: bool, generator: torch.Generator) -> torch.Tensor:
    """Training: keep = torch.rand(x.shape, generator=generator) >= p; x * keep / (1 - p).
    Eval: x unchanged."""
    raise NotImplementedError("dropout is not written yet")
