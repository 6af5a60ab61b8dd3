"""Reference batch-norm layer, Keras's convention: moving = moving * momentum + batch * (1 - momentum),
with the biased batch variance; the step's arithmetic in float64, the state kept in float32."""

from __future__ import annotations

import torch


class BatchNormLayer:
    def __init__(self, num_features, momentum=0.99, epsilon=1e-3):
        self.momentum = momentum
        self.epsilon = epsilon
        self.gamma = torch.ones(num_features)
        self.beta = torch.zeros(num_features)
        self.moving_mean = torch.zeros(num_features)
        self.moving_variance = torch.ones(num_features)

    def __call__(self, x, training):
        dims = [d for d in range(x.dim()) if d != 1]  # every axis but the channel axis
        view = [1, -1] + [1] * (x.dim() - 2)  # [C] -> broadcastable against x
        x64 = x.double()
        if training:
            mean = x64.mean(dim=dims)
            var = ((x64 - mean.view(view)) ** 2).mean(dim=dims)  # biased
            m = self.momentum
            self.moving_mean = (self.moving_mean.double() * m + mean * (1 - m)).float()
            self.moving_variance = (self.moving_variance.double() * m + var * (1 - m)).float()
        else:
            mean, var = self.moving_mean.double(), self.moving_variance.double()
        y = (x64 - mean.view(view)) / torch.sqrt(var.view(view) + self.epsilon)
        return (y * self.gamma.double().view(view) + self.beta.double().view(view)).float()
