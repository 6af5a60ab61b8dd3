"""An nn.Module: gamma/beta are nn.Parameters, the moving statistics buffers updated in place."""

import torch
from torch import nn


class BatchNormLayer(nn.Module):
    def __init__(self, num_features, momentum=0.99, epsilon=1e-3):
        super().__init__()
        self.momentum = momentum
        self.epsilon = epsilon
        self.gamma = nn.Parameter(torch.ones(num_features))
        self.beta = nn.Parameter(torch.zeros(num_features))
        self.register_buffer("moving_mean", torch.zeros(num_features))
        self.register_buffer("moving_variance", torch.ones(num_features))

    def forward(self, x, training):
        shape = (1, -1) + (1,) * (x.dim() - 2)
        if training:
            dims = (0, *range(2, x.dim()))
            mean = x.mean(dim=dims)
            var = ((x - mean.reshape(shape)) ** 2).mean(dim=dims)
            with torch.no_grad():
                self.moving_mean.mul_(self.momentum).add_(mean, alpha=1 - self.momentum)
                self.moving_variance.mul_(self.momentum).add_(var, alpha=1 - self.momentum)
        else:
            mean, var = self.moving_mean, self.moving_variance
        inv = torch.rsqrt(var + self.epsilon) * self.gamma
        return (x - mean.reshape(shape)) * inv.reshape(shape) + self.beta.reshape(shape)
