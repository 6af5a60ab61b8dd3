"""Multi-input fc layers as one matmul on the concatenation; eps added to the denominator."""

import torch


def movielens_fusion(user_ids, movie_ids, genres, title, weights, rating_range):
    w = weights
    hs = [
        torch.tanh(w["user_emb"][f][user_ids[:, f]] @ w["user_fc_W"][f] + w["user_fc_b"][f])
        for f in range(user_ids.shape[1])
    ]
    u = torch.tanh(torch.cat(hs, dim=1) @ torch.cat(w["user_W"], dim=0) + w["user_b"])
    h_m = torch.tanh(w["movie_emb"][movie_ids] @ w["movie_fc_W"] + w["movie_fc_b"])
    h_g = torch.tanh(genres @ w["genre_fc_W"] + w["genre_fc_b"])
    x = torch.cat([h_m, h_g, title], dim=1)
    m = torch.tanh(x @ torch.cat(w["movie_W"], dim=0) + w["movie_b"])
    cos = torch.einsum("bd,bd->b", u, m) / (
        torch.sqrt((u * u).sum(1)) * torch.sqrt((m * m).sum(1)) + 1e-8
    )
    lo, hi = rating_range
    return lo + (hi - lo) * (cos + 1) / 2
