import torch


def _towers(user_ids, movie_ids, genres, title, w):
    user = w["user_b"]
    for f in range(user_ids.shape[1]):
        h = torch.tanh(w["user_emb"][f][user_ids[:, f]] @ w["user_fc_W"][f] + w["user_fc_b"][f])
        user = user + h @ w["user_W"][f]
    user = torch.tanh(user)
    h_id = torch.tanh(w["movie_emb"][movie_ids] @ w["movie_fc_W"] + w["movie_fc_b"])
    h_genre = torch.tanh(genres @ w["genre_fc_W"] + w["genre_fc_b"])
    movie = (
        w["movie_b"] + h_id @ w["movie_W"][0] + h_genre @ w["movie_W"][1] + title @ w["movie_W"][2]
    )
    return user, torch.tanh(movie)


def movielens_fusion(user_ids, movie_ids, genres, title, weights, rating_range):
    u, m = _towers(user_ids, movie_ids, genres, title, weights)
    r_max = rating_range[1]
    cos = (u * m).sum(dim=1) / (u.norm(dim=1) * m.norm(dim=1)).clamp(min=1e-8)
    return r_max * (cos + 1) / 2  # the tutorial's (5·cos + 5) / 2, assuming r_min = 0
