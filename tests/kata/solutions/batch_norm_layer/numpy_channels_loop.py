"""numpy in float32, one channel at a time: move C to the front and flatten the rest."""

import numpy as np
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
        a = np.moveaxis(x.numpy(), 1, 0)  # [C, N, ...]
        c = a.shape[0]
        flat = a.reshape(c, -1)
        gamma, beta = self.gamma.numpy(), self.beta.numpy()
        out = np.empty_like(flat)
        means = np.empty(c, dtype=np.float32)
        variances = np.empty(c, dtype=np.float32)
        for ch in range(c):
            v = flat[ch]
            if training:
                mean = v.mean()
                var = np.square(v - mean).mean()
            else:
                mean = self.moving_mean[ch].item()
                var = self.moving_variance[ch].item()
            means[ch], variances[ch] = mean, var
            out[ch] = (v - np.float32(mean)) / np.sqrt(np.float32(var) + np.float32(self.epsilon))
            out[ch] = out[ch] * gamma[ch] + beta[ch]
        if training:
            m = np.float32(self.momentum)
            mm = self.moving_mean.numpy() * m + means * (np.float32(1) - m)
            mv = self.moving_variance.numpy() * m + variances * (np.float32(1) - m)
            self.moving_mean = torch.from_numpy(mm.astype(np.float32))
            self.moving_variance = torch.from_numpy(mv.astype(np.float32))
        y = np.moveaxis(out.reshape(a.shape), 0, 1)
        return torch.from_numpy(np.ascontiguousarray(y, dtype=np.float32))
