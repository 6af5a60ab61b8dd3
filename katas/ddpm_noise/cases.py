"""Generated cases for `ddpm_noise`: linear (and cosine) β schedules, boundary timesteps,
tiny 1 − ᾱ and tiny ᾱ, float64, large batches. The checker builds the ε-model itself."""

from __future__ import annotations

import math

import torch

from mlprep.kata.casekit import Case

# x_t and the loss are O(1..10): a handful of float32 roundings (cumprod over ≤ 4000 steps
# loses at most ~T·eps32 relative in ᾱ, far below 1e-4) stays well inside these.
F32 = {"atol": 2e-5, "rtol": 1e-4}
F64 = {"atol": 1e-10, "rtol": 1e-9}


def invoke(solution, x0, t, noise, betas, w, bias):
    """Call the solution with a small deterministic ε-model: eps(x_t, t) = w·tanh(x_t) + bias[t]."""

    def eps_model(x_t, tt):
        shape = (-1,) + (1,) * (x_t.dim() - 1)
        return w * torch.tanh(x_t) + bias.to(x_t.dtype)[tt].view(shape)

    out = solution.ddpm_noise_loss(x0, t, noise, betas, eps_model)
    if type(out) is list and len(out) == 2:
        out = tuple(out)
    return out


def linear_betas(T, dtype=torch.float64):
    """DDPM's linear schedule (1e-4 .. 0.02 for T = 1000), rescaled by 1000 / T for other T."""
    scale = 1000.0 / T
    return torch.linspace(scale * 1e-4, scale * 0.02, T, dtype=torch.float64).to(dtype)


def cosine_betas(T):
    """Nichol & Dhariwal's cosine schedule, β clipped at 0.999."""
    s = 0.008
    f = [math.cos((i / T + s) / (1 + s) * math.pi / 2) ** 2 for i in range(T + 1)]
    return torch.tensor([min(1 - f[i + 1] / f[i], 0.999) for i in range(T)], dtype=torch.float64)


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    def data(shape, dtype=torch.float32):
        x0 = (2 * torch.rand(*shape, generator=g, dtype=torch.float64) - 1).to(dtype)
        noise = torch.randn(*shape, generator=g, dtype=torch.float64).to(dtype)
        return x0, noise

    def model(T):
        w = round(0.3 + 0.9 * float(torch.rand(1, generator=g)), 4)
        return w, 0.3 * torch.randn(T, generator=g, dtype=torch.float64)

    def case(name, shape, betas, t, dtype=torch.float32, tol=F32, note=""):
        x0, noise = data(shape, dtype)
        w, bias = model(betas.numel())
        return Case(name, (x0, t, noise, betas, w, bias), **tol, note=note)

    def times(b, T):
        return torch.randint(0, T, (b,), generator=g)

    shapes = [
        lambda b: (b, rint(2, 16)),
        lambda b: (b, rint(1, 3), rint(2, 6), rint(2, 6)),
        lambda b: (b, rint(2, 5), rint(2, 8)),
    ]
    for i in range(10):
        T = [50, 100, 200, 1000, 1000][rint(0, 4)]
        b = rint(2, 8)
        cases.append(case(f"typical[{i}]", shapes[i % 3](b), linear_betas(T), times(b, T),
                          note=f"linear schedule, T = {T}"))  # fmt: skip

    T = 1000
    betas = linear_betas(T)
    cases += [
        case("edge/t=0", (6, 8), betas, torch.zeros(6, dtype=torch.int64),
             note="t = 0 is one noising step: ᾱ_0 = 1 − β_0, not 1"),
        case("edge/t=T-1", (5, 3, 4, 4), betas, torch.full((5,), T - 1),
             note="the last step: ᾱ is about 4e-5"),
        case("edge/t=1", (4, 8), betas, torch.ones(4, dtype=torch.int64),
             note="ᾱ_1 = (1 − β_0)(1 − β_1)"),
        case("edge/B=1", (1, 3, 5, 5), betas, torch.tensor([rint(0, T - 1)])),
        case("edge/x0_1d", (7,), betas, times(7, T), note="x0 is [B]: one number per sample"),
        case("edge/T=1", (4, 5), torch.tensor([0.3], dtype=torch.float64),
             torch.zeros(4, dtype=torch.int64), note="a one-step schedule"),
        case("edge/short_schedule", (6, 4), linear_betas(10, torch.float64) * 0.04,
             torch.arange(6), note="T = 10, t = 0..5: every index differs"),
        case("edge/float32_betas", (5, 6), linear_betas(T, torch.float32), times(5, T),
             note="betas given in float32"),
        case("edge/float64", (4, 2, 3, 3), betas, times(4, T), dtype=torch.float64, tol=F64),
        case("edge/repeated_t", (6, 5), betas, torch.tensor([500, 7, 500, 7, 999, 0])),
        case("hard/cosine_start", (6, 16), cosine_betas(T), torch.tensor([0, 0, 1, 2, 3, 5]),
             note="cosine schedule: 1 − ᾱ is about 4e-5 (cancellation in 1 − ᾱ)"),
        case("hard/cosine_end", (6, 16), cosine_betas(T), torch.tensor([999, 998, 990, 980, 950, 900]),
             note="cosine schedule near the end: β up to 0.999, ᾱ down to 1e-9 and below"),
        case("hard/T=4000", (8, 12), linear_betas(4000), times(8, 4000),
             note="a long schedule: a cumulative product over 4000 factors"),
        case("hard/float64_cosine_end", (4, 10), cosine_betas(T), torch.tensor([999, 0, 998, 1]),
             dtype=torch.float64, tol=F64),
    ]  # fmt: skip

    b = 64
    cases.append(case("large/[64, 3, 32, 32]", (b, 3, 32, 32), betas, times(b, T),
                      tol={"atol": 5e-5, "rtol": 1e-4}))  # fmt: skip
    return cases
