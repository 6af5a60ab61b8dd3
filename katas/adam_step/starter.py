"""Kata `adam_step`: one AdamW update (decoupled weight decay, bias correction).

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata adam_step` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def adamw_step(
    params: list[torch.Tensor],
    grads: list[torch.Tensor],
    exp_avgs: list[torch.Tensor],
    exp_avg_sqs: list[torch.Tensor],
    step: int,
    lr: float = 1e-3,
    betas: tuple[float, float] = (0.9, 0.999),
    eps: float = 1e-8,
    weight_decay: float = 1e-2,
) -> tuple[list[torch.Tensor], list[torch.Tensor], list[torch.Tensor]]:
    """(new params, new exp_avgs, new exp_avg_sqs) as new tensors; the inputs stay unchanged."""
    raise NotImplementedError("adamw_step is not written yet")
