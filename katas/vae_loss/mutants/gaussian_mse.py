import torch


def vae_loss(x, mu, logvar, eps, decoder, beta=1.0):
    z = mu + torch.exp(0.5 * logvar) * eps
    recon = ((torch.sigmoid(decoder(z)) - x) ** 2).sum(dim=1).mean()  # MSE, not the Bernoulli BCE
    kl = (-0.5 * (1 + logvar - mu**2 - logvar.exp()).sum(dim=1)).mean()
    return z, recon, kl, recon + beta * kl
