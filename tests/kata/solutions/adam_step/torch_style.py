"""Correct, written differently: torch.optim.AdamW's own arithmetic in the input dtype
(decay first, denom = √v / √bc2 + eps, step size lr / bc1, addcdiv on clones)."""

import math


def adamw_step(params, grads, exp_avgs, exp_avg_sqs, step, lr=1e-3, betas=(0.9, 0.999),
               eps=1e-8, weight_decay=1e-2):  # fmt: skip
    beta1, beta2 = betas
    bc1 = 1 - beta1**step
    bc2_sqrt = math.sqrt(1 - beta2**step)
    outs = ([], [], [])
    for p, g, m, v in zip(params, grads, exp_avgs, exp_avg_sqs, strict=True):
        p2 = p.clone().mul_(1 - lr * weight_decay)
        m2 = m.clone().lerp_(g, 1 - beta1)
        v2 = v.clone().mul_(beta2).addcmul_(g, g.conj(), value=1 - beta2)
        denom = (v2.sqrt() / bc2_sqrt).add_(eps)
        p2.addcdiv_(m2, denom, value=-lr / bc1)
        for out, t in zip(outs, (p2, m2, v2), strict=True):
            out.append(t)
    return outs
