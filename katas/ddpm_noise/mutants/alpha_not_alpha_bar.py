def ddpm_noise_loss(x0, t, noise, betas, eps_model):
    a = (1 - betas)[t]  # α_t of one step, not the cumulative ᾱ_t
    a = a.view((-1,) + (1,) * (x0.dim() - 1)).to(x0.dtype)
    x_t = a.sqrt() * x0 + (1 - a).sqrt() * noise
    return x_t, ((noise - eps_model(x_t, t)) ** 2).mean()
