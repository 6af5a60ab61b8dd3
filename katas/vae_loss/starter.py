"""Kata `vae_loss`: the VAE reparameterisation and the negative ELBO (Bernoulli decoder).

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata vae_loss`.
"""

from __future__ import annotations

from collections.abc import Callable

import torch


def vae_loss(
    x: torch.Tensor,
    mu: torch.Tensor,
    logvar: torch.Tensor,
    eps: torch.Tensor,
    decoder: Callable[[torch.Tensor], torch.Tensor],
    beta: float = 1.0,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Return (z, recon, kl, loss): z = mu + exp(logvar / 2) * eps; recon = BCE of
    decoder(z) (logits) against x, summed over pixels; kl = KL(N(mu, σ²) ‖ N(0, 1)) summed
    over latent dims; recon and kl averaged over the batch; loss = recon + beta * kl."""
    raise NotImplementedError("vae_loss is not written yet")
