import torch


def sinusoidal_table(max_len, d_model):
    pos = torch.arange(max_len, dtype=torch.float64).unsqueeze(1)
    two_i = torch.arange(0, d_model, 2, dtype=torch.float64)
    angles = pos / torch.pow(10000.0, two_i / d_model)
    return torch.cat([torch.sin(angles), torch.cos(angles)], dim=1).float()
