"""Mutant: log sigmoid as min(x, 0) - log1p(exp(-|x|)): right values, but autograd gives slope 1 at x = 0."""

from __future__ import annotations

import torch


def _log_sigmoid(x):
    # log sigmoid(x) = min(x, 0) - log(1 + exp(-|x|)), finite for every x
    return torch.clamp(x, max=0) - torch.log1p(torch.exp(-x.abs()))


def dpo_loss(policy_chosen, policy_rejected, ref_chosen, ref_rejected, beta, label_smoothing=0.0):
    margin = policy_chosen - ref_chosen + ref_rejected - policy_rejected
    z = beta * margin
    per_pair = -(1 - label_smoothing) * _log_sigmoid(z) - label_smoothing * _log_sigmoid(-z)
    loss = per_pair.sum() / per_pair.numel()
    with torch.no_grad():
        chosen_rewards = beta * (policy_chosen - ref_chosen)
        rejected_rewards = beta * (policy_rejected - ref_rejected)
    return loss, chosen_rewards, rejected_rewards
