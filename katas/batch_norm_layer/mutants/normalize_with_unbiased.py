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
        dims = [d for d in range(x.dim()) if d != 1]
        view = [1, -1] + [1] * (x.dim() - 2)
        if training:
            mean = x.mean(dim=dims)
            var = x.var(dim=dims, unbiased=True)  # also used to normalise
            m = self.momentum
            self.moving_mean = self.moving_mean * m + mean * (1 - m)
            self.moving_variance = self.moving_variance * m + var * (1 - m)
        else:
            mean, var = self.moving_mean, self.moving_variance
        y = (x - mean.view(view)) / torch.sqrt(var.view(view) + self.epsilon)
        return y * self.gamma.view(view) + self.beta.view(view)
