import torch


def vae_loss(x, mu, logvar, eps, decoder, beta=1.0):
    z = mu + torch.exp(0.5 * logvar) * eps
    p = decoder(z).clamp(1e-7, 1 - 1e-7)  # logits used as probabilities (no sigmoid)
    recon = (-(x * torch.log(p) + (1 - x) * torch.log(1 - p))).sum(dim=1).mean()
    kl = (-0.5 * (1 + logvar - mu**2 - logvar.exp()).sum(dim=1)).mean()
    return z, recon, kl, recon + beta * kl
