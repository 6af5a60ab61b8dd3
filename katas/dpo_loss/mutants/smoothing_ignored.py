"""Mutant: label smoothing is ignored (plain DPO for every eps)."""

from __future__ import annotations

import torch.nn.functional as F


def dpo_loss(
    policy_chosen_logps,
    policy_rejected_logps,
    ref_chosen_logps,
    ref_rejected_logps,
    beta,
    label_smoothing=0.0,
):
    dtype = policy_chosen_logps.dtype
    chosen = policy_chosen_logps.double() - ref_chosen_logps.double()  # log pi/pi_ref, chosen
    rejected = policy_rejected_logps.double() - ref_rejected_logps.double()
    logits = beta * (chosen - rejected)
    # -log sigmoid(x) computed stably (logsigmoid never overflows)
    losses = -F.logsigmoid(logits)  # label_smoothing is ignored
    chosen_rewards = (beta * chosen).detach().to(dtype)
    rejected_rewards = (beta * rejected).detach().to(dtype)
    return losses.mean().to(dtype), chosen_rewards, rejected_rewards
