"""m and v are used without dividing by 1 - beta^t."""

from __future__ import annotations

import torch


def adamw_step(params, grads, exp_avgs, exp_avg_sqs, step, lr=1e-3, betas=(0.9, 0.999),
               eps=1e-8, weight_decay=1e-2):  # fmt: skip
    beta1, beta2 = betas
    bc1 = 1.0
    bc2 = 1.0
    new_p, new_m, new_v = [], [], []
    for p, g, m, v in zip(params, grads, exp_avgs, exp_avg_sqs, strict=True):
        p64, g64 = p.double(), g.double()
        m64 = beta1 * m.double() + (1.0 - beta1) * g64
        v64 = beta2 * v.double() + (1.0 - beta2) * g64 * g64
        m_hat = m64 / bc1
        v_hat = v64 / bc2
        out = p64 * (1.0 - lr * weight_decay) - lr * m_hat / (torch.sqrt(v_hat) + eps)
        new_p.append(out.to(p.dtype))
        new_m.append(m64.to(m.dtype))
        new_v.append(v64.to(v.dtype))
    return new_p, new_m, new_v
