"""BCE from log-sigmoids of ±l; KL as ½Σ(σ² + μ² − 1 − log σ²) with σ from sqrt(exp(logvar))."""

import torch
import torch.nn.functional as F


def vae_loss(x, mu, logvar, eps, decoder, beta=1.0):
    sigma = torch.sqrt(torch.exp(logvar))
    z = torch.addcmul(mu, sigma, eps)
    logits = decoder(z)
    log_p = F.logsigmoid(logits)
    log_not_p = F.logsigmoid(-logits)
    batch = x.shape[0]
    recon = -(x * log_p + (1 - x) * log_not_p).sum() / batch
    kl = 0.5 * (sigma**2 + mu**2 - 1 - logvar).sum() / batch
    loss = recon + beta * kl
    return [z, recon, kl, loss]
