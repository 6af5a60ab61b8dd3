import torch


def deepfm(ids, values, weights):
    w = weights
    x = values
    e = w["V"][ids] * x.unsqueeze(-1)
    first = w["w0"] + (w["w"][ids] * x).sum(dim=1)
    s = e.sum(dim=1)
    second = 0.5 * (s * s - (e * e).sum(dim=1)).sum(dim=1)
    k = e.shape[-1]
    h = torch.relu(s @ w["W1"][:k] + w["b1"])  # the DNN sees the summed embedding only
    h = torch.relu(h @ w["W2"] + w["b2"])
    y_dnn = h @ w["w_out"] + w["b_out"]
    return torch.sigmoid(first + second + y_dnn)
