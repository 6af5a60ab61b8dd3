"""Correct, written differently: numpy in float64, the textbook m̂ / v̂ form, converted back
with torch.from_numpy; returns a list of three tuples."""

import numpy as np
import torch


def adamw_step(params, grads, exp_avgs, exp_avg_sqs, step, lr=1e-3, betas=(0.9, 0.999),
               eps=1e-8, weight_decay=1e-2):  # fmt: skip
    b1, b2 = betas
    ps, ms, vs = [], [], []
    for p, g, m, v in zip(params, grads, exp_avgs, exp_avg_sqs, strict=True):
        P = p.detach().numpy().astype(np.float64)
        G = g.detach().numpy().astype(np.float64)
        M = b1 * m.detach().numpy().astype(np.float64) + (1 - b1) * G
        V = b2 * v.detach().numpy().astype(np.float64) + (1 - b2) * G**2
        m_hat = M / (1 - b1**step)
        v_hat = V / (1 - b2**step)
        P = P - lr * weight_decay * P - lr * m_hat / (np.sqrt(v_hat) + eps)
        ps.append(torch.from_numpy(np.asarray(P, dtype=np.float64)).to(p.dtype))
        ms.append(torch.from_numpy(np.asarray(M, dtype=np.float64)).to(m.dtype))
        vs.append(torch.from_numpy(np.asarray(V, dtype=np.float64)).to(v.dtype))
    return [tuple(ps), tuple(ms), tuple(vs)]
