"""diffusers' DDPMScheduler.add_noise style: buffers in the sample dtype, gather, flatten, unsqueeze."""

import torch
import torch.nn.functional as F


def ddpm_noise_loss(x0, t, noise, betas, eps_model):
    alphas_cumprod = torch.cumprod(1.0 - betas.to(x0.dtype), dim=0)
    sqrt_alpha_prod = alphas_cumprod[t].to(x0.dtype) ** 0.5
    sqrt_one_minus = (1 - alphas_cumprod[t]).to(x0.dtype) ** 0.5
    sqrt_alpha_prod = sqrt_alpha_prod.flatten()
    sqrt_one_minus = sqrt_one_minus.flatten()
    while sqrt_alpha_prod.dim() < x0.dim():
        sqrt_alpha_prod = sqrt_alpha_prod.unsqueeze(-1)
        sqrt_one_minus = sqrt_one_minus.unsqueeze(-1)
    x_t = sqrt_alpha_prod * x0 + sqrt_one_minus * noise
    loss = F.mse_loss(eps_model(x_t, t), noise)
    return (x_t, loss)
