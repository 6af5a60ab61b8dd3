"""Kata `mmoe`: Multi-gate Mixture-of-Experts forward pass.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata mmoe` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def mmoe(x: torch.Tensor, weights: dict[str, torch.Tensor]) -> tuple[torch.Tensor, ...]:
    """[B, d_in] -> one logit tensor [B] per task (a tuple or a list, in task order)."""
    raise NotImplementedError("mmoe is not written yet")
