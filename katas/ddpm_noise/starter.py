"""Kata `ddpm_noise`: the DDPM forward process q(x_t | x_0) and the simple ε-prediction loss.

Replace the body of the function; keep its name and signature.
Check it with `mlprep kata ddpm_noise`.
"""

from __future__ import annotations

from collections.abc import Callable

import torch


def ddpm_noise_loss(
    x0: torch.Tensor,
    t: torch.Tensor,
    noise: torch.Tensor,
    betas: torch.Tensor,
    eps_model: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
) -> tuple[torch.Tensor, torch.Tensor]:
    """Return (x_t, loss): x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·noise with ᾱ_t = ∏_{s=0..t}(1−β_s)
    (t is 0-based), and loss = mean((noise − eps_model(x_t, t))²) as a 0-dim tensor."""
    raise NotImplementedError("ddpm_noise_loss is not written yet")
