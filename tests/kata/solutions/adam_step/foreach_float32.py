"""Correct, written differently: multi-tensor style with torch._foreach_* ops on copies (as
the foreach AdamW path), sqrt(bc2) folded into eps; returns tuples."""

import math

import torch


def adamw_step(params, grads, exp_avgs, exp_avg_sqs, step, lr=1e-3, betas=(0.9, 0.999),
               eps=1e-8, weight_decay=1e-2):  # fmt: skip
    if not params:
        return [], [], []
    b1, b2 = betas
    ps = [p.clone() for p in params]
    ms = [m.clone() for m in exp_avgs]
    vs = [v.clone() for v in exp_avg_sqs]
    torch._foreach_mul_(ps, 1 - lr * weight_decay)
    torch._foreach_lerp_(ms, list(grads), 1 - b1)
    torch._foreach_mul_(vs, b2)
    torch._foreach_addcmul_(vs, list(grads), list(grads), 1 - b2)
    bc1 = 1 - b1**step
    bc2_sqrt = math.sqrt(1 - b2**step)
    denom = torch._foreach_sqrt(vs)
    torch._foreach_div_(denom, bc2_sqrt)
    torch._foreach_add_(denom, eps)
    torch._foreach_addcdiv_(ps, ms, denom, -lr / bc1)
    return tuple(ps), tuple(ms), tuple(vs)
