"""Kata `rms_norm`: root-mean-square normalisation (RMSNorm, as in T5 and LLaMA).

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata rms_norm` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    """x / sqrt(mean(x², last dim) + eps) * weight; same shape and dtype as x."""
    raise NotImplementedError("rms_norm is not written yet")
