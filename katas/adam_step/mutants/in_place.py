"""Updates the given tensors in place (p, m, v) and returns them: the inputs change."""

from __future__ import annotations

import torch


def adamw_step(params, grads, exp_avgs, exp_avg_sqs, step, lr=1e-3, betas=(0.9, 0.999),
               eps=1e-8, weight_decay=1e-2):  # fmt: skip
    beta1, beta2 = betas
    bc1 = 1.0 - beta1**step
    bc2 = 1.0 - beta2**step
    with torch.no_grad():
        for p, g, m, v in zip(params, grads, exp_avgs, exp_avg_sqs, strict=True):
            p.mul_(1.0 - lr * weight_decay)
            m.mul_(beta1).add_(g, alpha=1.0 - beta1)
            v.mul_(beta2).addcmul_(g, g, value=1.0 - beta2)
            denom = (v.sqrt() / bc2**0.5).add_(eps)
            p.addcdiv_(m, denom, value=-lr / bc1)
    return list(params), list(exp_avgs), list(exp_avg_sqs)
