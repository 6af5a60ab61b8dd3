"""ᾱ in log space: cumsum(log1p(−β)), computed in float64, cast back once."""

import torch


def ddpm_noise_loss(x0, t, noise, betas, eps_model):
    log_abar = torch.cumsum(torch.log1p(-betas.double()), dim=0)[t]
    shape = [x0.shape[0]] + [1] * (x0.dim() - 1)
    log_abar = log_abar.reshape(shape)
    x_t = torch.exp(0.5 * log_abar) * x0 + torch.sqrt(-torch.expm1(log_abar)) * noise
    x_t = x_t.to(x0.dtype)
    diff = noise - eps_model(x_t, t)
    return x_t, (diff * diff).mean()
