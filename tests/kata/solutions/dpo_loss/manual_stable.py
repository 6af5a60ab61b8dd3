"""Left-to-right margin in the input dtype and a hand-written stable log-sigmoid."""

from __future__ import annotations

import torch


def _log_sigmoid(x):
    # each branch only sees arguments where exp cannot overflow; at x = 0 the x >= 0 branch
    # gives the true slope 1/2 (min(x, 0) - log1p(exp(-|x|)) would give autograd slope 1 there)
    pos = x >= 0
    x_pos = torch.where(pos, x, torch.zeros_like(x))
    x_neg = torch.where(pos, torch.zeros_like(x), x)
    return torch.where(pos, -torch.log1p(torch.exp(-x_pos)), x_neg - torch.log1p(torch.exp(x_neg)))


def dpo_loss(policy_chosen, policy_rejected, ref_chosen, ref_rejected, beta, label_smoothing=0.0):
    margin = policy_chosen - ref_chosen + ref_rejected - policy_rejected
    z = beta * margin
    per_pair = -(1 - label_smoothing) * _log_sigmoid(z) - label_smoothing * _log_sigmoid(-z)
    loss = per_pair.sum() / per_pair.numel()
    with torch.no_grad():
        chosen_rewards = beta * (policy_chosen - ref_chosen)
        rejected_rewards = beta * (policy_rejected - ref_rejected)
    return loss, chosen_rewards, rejected_rewards
