"""Kata `dpo_loss`: the Direct Preference Optimization loss and its implicit rewards.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata dpo_loss` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


def dpo_loss(
    policy_chosen_logps: torch.Tensor,
    policy_rejected_logps: torch.Tensor,
    ref_chosen_logps: torch.Tensor,
    ref_rejected_logps: torch.Tensor,
    beta: float,
    label_smoothing: float = 0.0,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """All inputs [B] (summed log-probs of each response). Returns (loss, chosen_rewards, rejected_rewards)."""
    raise NotImplementedError("dpo_loss is not written yet")
