"""The PyTorch-examples VAE, written out: softplus BCE in the input dtype, β-weighted KL."""

import torch
import torch.nn.functional as F


def vae_loss(x, mu, logvar, eps, decoder, beta=1.0):
    std = torch.exp(0.5 * logvar)
    z = mu + eps * std
    logits = decoder(z)
    bce = (F.softplus(logits) - x * logits).sum(dim=1)
    kld = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp(), dim=1)
    recon, kl = bce.mean(), kld.mean()
    return z, recon, kl, recon + beta * kl
