"""One sample at a time in float64 with the max/log1p BCE, cast back at the end."""

import torch


def vae_loss(x, mu, logvar, eps, decoder, beta=1.0):
    dtype = x.dtype
    z = (mu.double() + (logvar.double() / 2).exp() * eps.double()).to(dtype)
    logits = decoder(z).double()
    recon_total = 0.0
    kl_total = 0.0
    for i in range(x.shape[0]):
        lg, xi = logits[i], x[i].double()
        bce = torch.maximum(lg, torch.zeros_like(lg)) - lg * xi + torch.log1p(torch.exp(-lg.abs()))
        recon_total += float(bce.sum())
        m, lv = mu[i].double(), logvar[i].double()
        kl_total += float(-0.5 * (1 + lv - m * m - lv.exp()).sum())
    n = x.shape[0]
    recon = torch.tensor(recon_total / n, dtype=dtype)
    kl = torch.tensor(kl_total / n, dtype=dtype)
    loss = torch.tensor(recon_total / n + beta * kl_total / n, dtype=dtype)
    return z, recon, kl, loss
