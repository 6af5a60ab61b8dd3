import torch


def wide_deep(wide_x, deep_ids, dense, weights):
    w = weights
    y_wide = wide_x @ w["w_wide"]
    a0 = torch.cat([w["emb"][deep_ids].flatten(1), dense], dim=1)
    h = torch.relu(a0 @ w["W1"] + w["b1"])
    h = torch.relu(h @ w["W2"] + w["b2"])
    y_deep = h @ w["w_deep"]
    return 0.5 * (torch.sigmoid(y_wide + w["b"]) + torch.sigmoid(y_deep))
