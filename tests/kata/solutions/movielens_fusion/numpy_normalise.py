"""numpy, normalise each vector first (each norm clamped at eps), then a dot product."""

import numpy as np
import torch


def movielens_fusion(user_ids, movie_ids, genres, title, weights, rating_range):
    w = {
        k: [t.numpy() for t in v] if isinstance(v, list) else v.numpy() for k, v in weights.items()
    }
    ids = user_ids.numpy()
    z = w["user_b"]
    for f in range(ids.shape[1]):
        h = np.tanh(w["user_emb"][f][ids[:, f]] @ w["user_fc_W"][f] + w["user_fc_b"][f])
        z = z + h @ w["user_W"][f]
    u = np.tanh(z)
    h_m = np.tanh(w["movie_emb"][movie_ids.numpy()] @ w["movie_fc_W"] + w["movie_fc_b"])
    h_g = np.tanh(genres.numpy() @ w["genre_fc_W"] + w["genre_fc_b"])
    parts = [h_m, h_g, title.numpy()]
    m = np.tanh(w["movie_b"] + sum(p @ W for p, W in zip(parts, w["movie_W"], strict=True)))
    un = u / np.maximum(np.linalg.norm(u, axis=1, keepdims=True), 1e-8)
    mn = m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-8)
    cos = (un * mn).sum(axis=1)
    lo, hi = rating_range
    return torch.from_numpy((lo + (hi - lo) * (cos + 1) / 2).astype(title.numpy().dtype))
