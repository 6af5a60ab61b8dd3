"""Kata `batch_norm_layer`: a batch-norm layer with moving averages (TensorFlow/Keras convention).

Keep the class name, the attribute names and the method signatures.
Check it with `mlprep kata batch_norm_layer` (or `pytest` in this folder).
"""

from __future__ import annotations

import torch


class BatchNormLayer:
    def __init__(self, num_features: int, momentum: float = 0.99, epsilon: float = 1e-3) -> None:
        self.momentum = momentum
        self.epsilon = epsilon
        self.gamma = torch.ones(num_features)  # scale, [C]
        self.beta = torch.zeros(num_features)  # offset, [C]
        self.moving_mean = torch.zeros(num_features)  # [C]
        self.moving_variance = torch.ones(num_features)  # [C]

    def __call__(self, x: torch.Tensor, training: bool) -> torch.Tensor:
        """x: [N, C] or [N, C, H, W]; statistics per channel (dim 1). Returns y, x's shape."""
        raise NotImplementedError("BatchNormLayer.__call__ is not written yet")
