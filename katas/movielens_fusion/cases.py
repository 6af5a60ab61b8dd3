"""Generated cases for `movielens_fusion`: several rating ranges, zero and tiny tower outputs, ml-1m sizes.

Tolerances come from a float32 forward error bound of the cosine on each case's own inputs
(see `_tol`), scaled by half the rating range.
"""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case

EPS32 = 2.0**-23
RANGES = [(1.0, 5.0), (0.0, 5.0), (0.5, 5.0), (1.0, 10.0), (-1.0, 1.0), (1.0, 5.0)]


def _rss(err: torch.Tensor, w_abs: torch.Tensor) -> torch.Tensor:
    """Independent rounding errors pushed through a layer add in quadrature: sqrt(err² @ W²)."""
    return ((err * err) @ (w_abs * w_abs)).sqrt()


def _layer(inputs, err, weights, bias):
    """tanh(Σ_i inputs_i @ W_i + b) and its error bound in units of eps (through tanh's slope)."""
    n = sum(x.shape[1] for x in inputs) + 1
    z = bias.double() + sum(x @ w.double() for x, w in zip(inputs, weights, strict=True))
    mag = bias.double().abs() + sum(
        x.abs() @ w.double().abs() for x, w in zip(inputs, weights, strict=True)
    )
    prop = sum(_rss(e, w.double().abs()) ** 2 for e, w in zip(err, weights, strict=True)) ** 0.5
    out = torch.tanh(z)
    slope = 1 - out * out + 1e-6  # tanh' at z; the error moves z by far less than 1e-3
    return out, slope * (n**0.5 * mag + prop) + out.abs()


def _tol(user_ids, movie_ids, genres, title, weights, rating_range):
    """Float32 forward error of the cosine, plus the allowed ε variants (ε added, not clamped)."""
    w = weights
    hs, es = [], []
    for f in range(user_ids.shape[1]):
        x = w["user_emb"][f].double()[user_ids[:, f]]
        h, e = _layer([x], [torch.zeros_like(x)], [w["user_fc_W"][f]], w["user_fc_b"][f])
        hs.append(h)
        es.append(e)
    u, du = _layer(hs, es, w["user_W"], w["user_b"])
    x = w["movie_emb"].double()[movie_ids]
    h_id, e_id = _layer([x], [torch.zeros_like(x)], [w["movie_fc_W"]], w["movie_fc_b"])
    g = genres.double()
    h_g, e_g = _layer([g], [torch.zeros_like(g)], [w["genre_fc_W"]], w["genre_fc_b"])
    t = title.double()
    m, dm = _layer([h_id, h_g, t], [e_id, e_g, torch.zeros_like(t)], w["movie_W"], w["movie_b"])
    nu, nm = u.norm(dim=1), m.norm(dim=1)
    d = u.shape[1]
    ok = (nu > 0) & (nm > 0)
    rel = du.norm(dim=1) / nu.clamp(min=1e-300) + dm.norm(dim=1) / nm.clamp(min=1e-300)
    dcos = rel + 3 * d**0.5 * (u * m).abs().sum(dim=1) / (nu * nm).clamp(min=1e-300) + 4
    dcos = torch.where(ok, dcos, torch.zeros_like(dcos))
    r_min, r_max = rating_range
    half = (r_max - r_min) / 2
    cos = (u * m).sum(dim=1) / (nu * nm).clamp(min=1e-300)
    eps_variant = torch.where(ok, cos.abs() * 1e-8 / (nu * nm).clamp(min=1e-300), 0.0)
    slack = 2 * half * float(eps_variant.max())
    if title.dtype == torch.float64:
        return {"atol": 1e-9 + slack, "rtol": 1e-9}
    atol = 4 * EPS32 * (half * float(dcos.max()) + 2 * (abs(r_min) + abs(r_max))) + slack
    return {"atol": atol, "rtol": 1e-6}


def _weights(g, sizes, movie_n, n_genre, d_title, dims, dtype):
    """sizes/dims: vocabularies and embedding widths of user id, gender, age, job (ml-1m order)."""
    d_out = dims["D"]

    def u(*shape, fan_in, scale=1.0):
        t = (torch.rand(*shape, generator=g, dtype=torch.float64) * 2 - 1) * fan_in**-0.5
        return (t * scale * 3**0.5).to(dtype)

    emb_dims, fc_dims = dims["emb"], dims["fc"]
    fan = sum(fc_dims)
    return {
        "user_emb": [u(n, d, fan_in=1) for n, d in zip(sizes, emb_dims, strict=True)],
        "user_fc_W": [u(d, c, fan_in=d) for d, c in zip(emb_dims, fc_dims, strict=True)],
        "user_fc_b": [u(c, fan_in=d) for d, c in zip(emb_dims, fc_dims, strict=True)],
        "user_W": [u(c, d_out, fan_in=fan) for c in fc_dims],
        "user_b": u(d_out, fan_in=fan, scale=0.3),
        "movie_emb": u(movie_n, dims["movie"], fan_in=1),
        "movie_fc_W": u(dims["movie"], dims["movie"], fan_in=dims["movie"]),
        "movie_fc_b": u(dims["movie"], fan_in=dims["movie"]),
        "genre_fc_W": u(n_genre, dims["genre"], fan_in=3),
        "genre_fc_b": u(dims["genre"], fan_in=3),
        "movie_W": [
            u(dims["movie"], d_out, fan_in=dims["movie"] + dims["genre"] + d_title),
            u(dims["genre"], d_out, fan_in=dims["movie"] + dims["genre"] + d_title),
            u(d_title, d_out, fan_in=dims["movie"] + dims["genre"] + d_title),
        ],
        "movie_b": u(d_out, fan_in=dims["movie"] + dims["genre"] + d_title, scale=0.3),
    }


def _inputs(g, b, sizes, movie_n, n_genre, d_title, dtype):
    user_ids = torch.stack([torch.randint(0, n, (b,), generator=g) for n in sizes], dim=1)
    movie_ids = torch.randint(0, movie_n, (b,), generator=g)
    genres = (torch.rand(b, n_genre, generator=g) < 0.2).to(dtype)
    title = torch.tanh(torch.randn(b, d_title, generator=g, dtype=torch.float64)).to(dtype)
    return user_ids, movie_ids, genres, title


SMALL = {"emb": [8, 4, 4, 4], "fc": [8, 4, 4, 4], "movie": 8, "genre": 6, "D": 16}


def _case(g, name, b, rating_range, dims=SMALL, sizes=(30, 2, 7, 21), movie_n=40, n_genre=18,
          d_title=8, dtype=torch.float32, edit=None, note=""):  # fmt: skip
    inputs = _inputs(g, b, sizes, movie_n, n_genre, d_title, dtype)
    weights = _weights(g, sizes, movie_n, n_genre, d_title, dims, dtype)
    if edit is not None:
        edit(weights, inputs)
    args = (*inputs, weights, rating_range)
    return Case(name, args, **_tol(*args), note=note or f"range {rating_range}")


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    for i in range(12):
        dims = {"emb": [rint(2, 12), 2, rint(2, 6), rint(2, 6)], "fc": [rint(2, 12), 3, 3, 4],
                "movie": rint(2, 10), "genre": rint(2, 8), "D": rint(4, 24)}  # fmt: skip
        cases.append(_case(g, f"typical[{i}]", rint(1, 8), RANGES[i % len(RANGES)], dims,
                           d_title=rint(2, 10)))  # fmt: skip

    def zero_user(weights, inputs):
        for m in weights["user_W"]:
            m.zero_()
        weights["user_b"].zero_()

    cases.append(_case(g, "edge/zero_user_vector", 4, (1.0, 5.0), edit=zero_user,
                       note="u = 0 exactly: cos = 0, the score is the midpoint 3.0"))  # fmt: skip

    def zero_movie_row(weights, inputs):
        for m in weights["movie_W"]:
            m.zero_()
        weights["movie_b"][:] = 0.0

    cases.append(_case(g, "edge/zero_movie_vector", 3, (0.5, 5.0), edit=zero_movie_row,
                       note="m = 0 exactly: the score is the midpoint 2.75"))  # fmt: skip

    def no_genre(weights, inputs):
        inputs[2].zero_()

    cases.append(_case(g, "edge/movie_without_genre", 4, (1.0, 5.0), edit=no_genre))
    cases.append(_case(g, "edge/batch_1", 1, (1.0, 5.0)))
    cases.append(_case(g, "edge/tutorial_range_0_5", 5, (0.0, 5.0),
                       note="the tutorial's (5·cos + 5) / 2"))  # fmt: skip
    cases.append(_case(g, "edge/negative_range", 5, (-2.0, 2.0)))
    cases.append(_case(g, "edge/float64", 5, (1.0, 5.0), dtype=torch.float64))

    def parallel(weights, inputs):
        weights["movie_W"] = [m.clone() for m in weights["movie_W"]]
        # Make m = tanh(u's pre-activation) for a user-shaped movie tower: identical vectors.
        for m in weights["movie_W"]:
            m.zero_()
        weights["movie_b"][:] = weights["user_b"]
        for m in weights["user_W"]:
            m.zero_()

    cases.append(_case(g, "edge/identical_vectors", 3, (1.0, 5.0), edit=parallel,
                       note="u = m: cos = 1, the top of the range"))  # fmt: skip

    def anti(weights, inputs):
        for m in weights["movie_W"]:
            m.zero_()
        for m in weights["user_W"]:
            m.zero_()
        weights["movie_b"][:] = -weights["user_b"]

    cases.append(_case(g, "edge/opposite_vectors", 3, (1.0, 5.0), edit=anti,
                       note="u = −m: cos = −1, the bottom of the range"))  # fmt: skip

    def tiny_user(weights, inputs):
        for m in weights["user_W"]:
            m.mul_(1e-4)
        weights["user_b"].zero_()

    cases.append(_case(g, "hard/tiny_user_vector", 4, (1.0, 5.0), edit=tiny_user,
                       note="|u| ~ 1e-4: the cosine does not depend on the norm"))  # fmt: skip

    def saturate(weights, inputs):
        for m in weights["user_W"]:
            m.mul_(50.0)
        for m in weights["movie_W"]:
            m.mul_(50.0)

    cases.append(_case(g, "hard/saturated_towers", 4, (1.0, 5.0), edit=saturate,
                       note="tanh saturates: the vectors are nearly ±1 everywhere"))  # fmt: skip

    ml1m = {"emb": [32, 16, 16, 16], "fc": [32, 16, 16, 16], "movie": 32, "genre": 32, "D": 200}
    cases.append(_case(g, "large/ml-1m_sizes_B=2048", 2048, (1.0, 5.0), ml1m,
                       sizes=(6041, 2, 7, 21), movie_n=3953, n_genre=18, d_title=32,
                       note="the tutorial's sizes"))  # fmt: skip
    return cases
