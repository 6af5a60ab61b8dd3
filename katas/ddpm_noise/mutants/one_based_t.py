import torch


def ddpm_noise_loss(x0, t, noise, betas, eps_model):
    # treats t as 1-based (t = 0 even wraps around to the last step)
    alpha_bar = torch.cumprod(1 - betas, dim=0)[t - 1]
    a = alpha_bar.view((-1,) + (1,) * (x0.dim() - 1)).to(x0.dtype)
    x_t = a.sqrt() * x0 + (1 - a).sqrt() * noise
    return x_t, ((noise - eps_model(x_t, t)) ** 2).mean()
