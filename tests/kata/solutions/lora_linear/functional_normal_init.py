"""LoRA with F.linear, a normal init for A, and the delta computed as one matrix in merge."""

import torch
import torch.nn.functional as F
from torch import nn


class LoRALinear(nn.Module):
    def __init__(self, in_features, out_features, r, alpha):
        super().__init__()
        self.base = nn.Linear(in_features, out_features)
        self.base.requires_grad_(False)
        self.lora_A = nn.Parameter(torch.randn(r, in_features) * 0.01)
        self.lora_B = nn.Parameter(torch.zeros(out_features, r))
        self.alpha, self.r = alpha, r

    def forward(self, x):
        down = F.linear(x, self.lora_A)
        up = F.linear(down, self.lora_B)
        return self.base(x) + up * (self.alpha / self.r)

    @torch.no_grad()
    def merge(self):
        layer = nn.Linear(self.lora_A.shape[1], self.lora_B.shape[0])
        delta = (self.alpha / self.r) * torch.einsum("or,ri->oi", self.lora_B, self.lora_A)
        layer.weight.data = self.base.weight.detach().clone() + delta
        layer.bias.data = self.base.bias.detach().clone()
        return layer
