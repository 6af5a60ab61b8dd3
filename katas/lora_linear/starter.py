"""Kata `lora_linear`: a linear layer with a LoRA adapter.

Keep the class name, the constructor arguments, the attribute names `base`,
`lora_A`, `lora_B`, and the `forward` / `merge` signatures.
Check it with `mlprep kata lora_linear` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch
from torch import nn


class LoRALinear(nn.Module):
    def __init__(self, in_features: int, out_features: int, r: int, alpha: float) -> None:
        super().__init__()
        self.base = nn.Linear(in_features, out_features)  # TODO: freeze it
        self.lora_A = nn.Parameter(torch.zeros(r, in_features))  # TODO: initialise
        self.lora_B = nn.Parameter(torch.zeros(out_features, r))  # TODO: initialise
        self.scaling = alpha / r

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """[..., in_features] -> [..., out_features]: base(x) + scaling * x @ A^T @ B^T."""
        raise NotImplementedError("LoRALinear.forward is not written yet")

    def merge(self) -> nn.Linear:
        """A new nn.Linear with weight W + scaling * B @ A and the base bias."""
        raise NotImplementedError("LoRALinear.merge is not written yet")
