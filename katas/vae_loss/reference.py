"""Reference VAE loss: reparameterise, decode, Bernoulli BCE (stable form) + β·KL, in float64."""

from __future__ import annotations

import torch


def vae_loss(x, mu, logvar, eps, decoder, beta=1.0):
    mu64, logvar64 = mu.double(), logvar.double()
    z = (mu64 + torch.exp(0.5 * logvar64) * eps.double()).to(mu.dtype)
    logits = decoder(z).double()
    x64 = x.double()
    # BCE with logits, stable: max(l, 0) - l*x + log(1 + exp(-|l|))
    bce = logits.clamp(min=0) - logits * x64 + torch.log1p(torch.exp(-logits.abs()))
    recon = bce.sum(dim=1).mean()
    kl = (-0.5 * (1 + logvar64 - mu64**2 - torch.exp(logvar64)).sum(dim=1)).mean()
    loss = recon + beta * kl
    dtype = x.dtype
    return z, recon.to(dtype), kl.to(dtype), loss.to(dtype)
