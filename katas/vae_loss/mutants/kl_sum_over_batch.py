import torch


def _bce(logits, x):
    return logits.clamp(min=0) - logits * x + torch.log1p(torch.exp(-logits.abs()))


def vae_loss(x, mu, logvar, eps, decoder, beta=1.0):
    z = mu + torch.exp(0.5 * logvar) * eps
    recon = _bce(decoder(z), x).sum(dim=1).mean()
    kl = -0.5 * (1 + logvar - mu**2 - logvar.exp()).sum()  # summed over the batch as well
    return z, recon, kl, recon + beta * kl
