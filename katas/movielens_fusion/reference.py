"""Reference: the MovieLens fusion model's towers and its range-scaled cosine score (float64)."""

from __future__ import annotations

import torch

EPS = 1e-8


def movielens_fusion(user_ids, movie_ids, genres, title, weights, rating_range):
    dtype = title.dtype
    w = weights
    user = w["user_b"].double()
    for f in range(user_ids.shape[1]):
        e = w["user_emb"][f].double()[user_ids[:, f]]
        h = torch.tanh(e @ w["user_fc_W"][f].double() + w["user_fc_b"][f].double())
        user = user + h @ w["user_W"][f].double()
    user = torch.tanh(user)  # [B, D]
    e = w["movie_emb"].double()[movie_ids]
    h_id = torch.tanh(e @ w["movie_fc_W"].double() + w["movie_fc_b"].double())
    h_genre = torch.tanh(genres.double() @ w["genre_fc_W"].double() + w["genre_fc_b"].double())
    parts = (h_id, h_genre, title.double())
    movie = w["movie_b"].double() + sum(
        p @ W.double() for p, W in zip(parts, w["movie_W"], strict=True)
    )
    movie = torch.tanh(movie)  # [B, D]
    norms = user.norm(dim=1) * movie.norm(dim=1)
    cos = (user * movie).sum(dim=1) / norms.clamp(min=EPS)
    r_min, r_max = rating_range
    return (r_min + (r_max - r_min) * (cos + 1) / 2).to(dtype)
