import torch


def ddpm_noise_loss(x0, t, noise, betas, eps_model):
    # exclusive product ∏_{s<t}: one noising step short (t = 0 gives ᾱ = 1, no noise at all)
    alphas = 1 - betas
    alpha_bar = torch.cat([alphas.new_ones(1), torch.cumprod(alphas, dim=0)[:-1]])[t]
    a = alpha_bar.view((-1,) + (1,) * (x0.dim() - 1)).to(x0.dtype)
    x_t = a.sqrt() * x0 + (1 - a).sqrt() * noise
    return x_t, ((noise - eps_model(x_t, t)) ** 2).mean()
