"""Reference DDPM forward process and ε-prediction loss: ᾱ in float64, cast back to x0's dtype."""

from __future__ import annotations

import torch


def ddpm_noise_loss(x0, t, noise, betas, eps_model):
    alpha_bar = torch.cumprod(1.0 - betas.double(), dim=0)[t]  # [B], t is 0-based
    shape = (-1,) + (1,) * (x0.dim() - 1)
    a = alpha_bar.view(shape)
    x_t = (a.sqrt() * x0.double() + (1.0 - a).sqrt() * noise.double()).to(x0.dtype)
    eps_hat = eps_model(x_t, t)
    loss = ((noise.double() - eps_hat.double()) ** 2).mean().to(x0.dtype)
    return x_t, loss
