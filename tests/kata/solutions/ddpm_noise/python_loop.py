"""Per sample, with Python floats: ᾱ by a running product, 1 − ᾱ via log1p/expm1."""

import math

import torch


def ddpm_noise_loss(x0, t, noise, betas, eps_model):
    beta = [float(b) for b in betas]
    rows = []
    for i in range(x0.shape[0]):
        log_abar = 0.0
        for s in range(int(t[i]) + 1):
            log_abar += math.log1p(-beta[s])
        abar = math.exp(log_abar)
        one_minus = -math.expm1(log_abar)
        rows.append(math.sqrt(abar) * x0[i] + math.sqrt(one_minus) * noise[i])
    x_t = torch.stack(rows)
    eps_hat = eps_model(x_t, t)
    loss = torch.zeros((), dtype=x0.dtype)
    for i in range(x0.shape[0]):
        loss = loss + ((noise[i] - eps_hat[i]) ** 2).sum()
    return [x_t, loss / noise.numel()]
