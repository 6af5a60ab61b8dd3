"""Generated cases for `vae_loss`: binary and grey-level pixels, β weights, the prior itself,
large logits (a naive sigmoid saturates), tiny and large variances, float64, MNIST-sized.
The checker builds the decoder itself: logits = z @ W + b."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case

F64 = {"atol": 1e-9, "rtol": 1e-9}


def invoke(solution, x, mu, logvar, eps, w, b, *beta, **kwargs):
    """Call the solution with a deterministic linear decoder z -> z @ w + b (logits)."""

    def decoder(z):
        return z @ w.to(z.dtype) + b.to(z.dtype)

    out = solution.vae_loss(x, mu, logvar, eps, decoder, *beta, **kwargs)
    if type(out) is list and len(out) == 4:
        out = tuple(out)
    return out


def _f32_tol(mu, logvar, eps, d):
    """float32: z is good to a few ulps of its largest term; the sums to a few 1e-5 relative.
    The KL of a near-prior row cancels (1 + lv - exp(lv) ≈ -lv²/2): a few eps32 per dim."""
    scale = float((mu.double().abs() + (0.5 * logvar.double()).exp() * eps.double().abs()).max())
    return {"atol": max(4e-7 * scale, 2e-7 * d, 1e-6), "rtol": 5e-5}


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    def randn(*shape):
        return torch.randn(*shape, generator=g, dtype=torch.float64)

    def case(name, B, D, d, *, binary=True, beta=None, mu_scale=1.0, lv_loc=-0.5,
             lv_scale=0.5, w_scale=1.0, eps_zero=False, prior=False, dtype=torch.float32,
             beta_kw=False, note=""):  # fmt: skip
        if binary:
            x = (torch.rand(B, D, generator=g, dtype=torch.float64) < 0.3).double()
        else:
            x = torch.rand(B, D, generator=g, dtype=torch.float64)
        mu = mu_scale * randn(B, d)
        logvar = lv_loc + lv_scale * randn(B, d)
        if prior:
            mu, logvar = (
                torch.zeros(B, d, dtype=torch.float64),
                torch.zeros(B, d, dtype=torch.float64),
            )
        eps = torch.zeros(B, d, dtype=torch.float64) if eps_zero else randn(B, d)
        w = w_scale * randn(d, D) / d**0.5
        b = 0.5 * randn(D) - 0.5
        args = [t.to(dtype) for t in (x, mu, logvar, eps, w, b)]
        kwargs = {}
        if beta is not None and beta_kw:
            kwargs["beta"] = beta
        elif beta is not None:
            args.append(beta)
        tol = F64 if dtype == torch.float64 else _f32_tol(args[1], args[2], args[3], d)
        return Case(name, tuple(args), kwargs, **tol, note=note)

    for i in range(10):
        B, D, d = rint(2, 8), [4, 16, 64, 100][rint(0, 3)], [2, 4, 8, 16][rint(0, 3)]
        beta = [None, 1.0, 0.5, 4.0][i % 4]
        cases.append(case(f"typical[{i}]", B, D, d, binary=i % 2 == 0, beta=beta,
                          beta_kw=i % 3 == 0, mu_scale=0.5 + rint(0, 2)))  # fmt: skip

    cases += [
        case("edge/prior_posterior", 4, 12, 6, prior=True, note="mu = 0, logvar = 0: KL is 0"),
        case("edge/eps_zero", 3, 10, 4, eps_zero=True, note="eps = 0: z = mu"),
        case("edge/beta=0", 4, 16, 4, beta=0.0, note="β = 0: loss = recon"),
        case("edge/beta=4_keyword", 4, 16, 4, beta=4.0, beta_kw=True, note="β-VAE"),
        case("edge/beta=0.25_positional", 5, 8, 3, beta=0.25),
        case("edge/B=1", 1, 20, 5),
        case("edge/d=1", 6, 9, 1, note="a one-dimensional latent"),
        case("edge/D=1", 6, 1, 3, note="a single pixel"),
        case("edge/grey_pixels", 5, 30, 4, binary=False, note="x in [0, 1], not only 0/1"),
        case("edge/float64", 4, 20, 5, binary=False, beta=2.0, dtype=torch.float64),
        case("hard/large_logits", 6, 50, 8, w_scale=40.0,
             note="logits of ±100: sigmoid is exactly 0 or 1 in float32, log(0) = -inf"),
        case("hard/large_logits_grey", 4, 40, 8, binary=False, w_scale=30.0,
             note="large logits and x in (0, 1)"),
        case("hard/large_logits_float64", 3, 30, 4, w_scale=300.0, dtype=torch.float64,
             note="logits of ±1000: exp overflows even in float64"),
        case("hard/tiny_variance", 5, 24, 6, lv_loc=-18.0, lv_scale=1.0,
             note="logvar ≈ -18: σ ≈ 1e-4"),
        case("hard/large_variance", 5, 24, 6, lv_loc=6.0, lv_scale=1.0, note="logvar ≈ 6: σ ≈ 20"),
        case("hard/near_prior", 6, 16, 16, mu_scale=1e-3, lv_loc=0.0, lv_scale=1e-3,
             note="KL ≈ 1e-6: 1 + logvar − exp(logvar) cancels"),
    ]  # fmt: skip

    cases.append(case("large/B=128,D=784,d=32", 128, 784, 32, beta=1.0))
    return cases
