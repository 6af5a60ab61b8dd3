import torch


def ddpm_noise_loss(x0, t, noise, betas, eps_model):
    alpha_bar = torch.cumprod(1 - betas, dim=0)[t]
    a = alpha_bar.view((-1,) + (1,) * (x0.dim() - 1)).to(x0.dtype)
    x_t = a.sqrt() * x0 + (1 - a).sqrt() * noise
    return x_t, ((noise - eps_model(x_t, t)) ** 2).sum(dim=tuple(range(1, x0.dim()))).mean()
