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
            var = x.var(dim=dims, unbiased=False)
            # the update ops are never run (the seed's UPDATE_OPS warning)
        else:
            mean, var = self.moving_mean, self.moving_variance
        y = (x - mean.view(view)) / torch.sqrt(var.view(view) + self.epsilon)
        return y * self.gamma.view(view) + self.beta.view(view)
