"""Kata `speculative_decoding`: the accept / reject / bonus step of speculative sampling.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata speculative_decoding` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def speculative_accept(
    draft_tokens: torch.Tensor, q: torch.Tensor, p: torch.Tensor, u: torch.Tensor
) -> list[int]:
    """draft_tokens [γ] int64, q [γ, V] draft probs, p [γ+1, V] target probs, u [γ+1] uniforms.

    Returns the emitted tokens: the accepted draft tokens, then one residual or bonus token.
    """
    raise NotImplementedError("speculative_accept is not written yet")
