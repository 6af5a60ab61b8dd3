"""Generated cases for `layer_norm`: typical shapes, eps-sensitive rows, large offsets, large."""

from __future__ import annotations

import math

import torch

from mlprep.kata.casekit import Case, hypothesis_examples, smallest_first

# Tolerances from float32 error analysis (not from the reference's rounding): computing in
# the input dtype, the mean is off by about u·max|x| (u = unit roundoff), which the division
# by s = sqrt(var + eps) amplifies to u·max|x|/s; the variance, rsqrt, the centring and the
# affine step add a few u relative to |x̂·weight| ≤ max|x|/s·|weight| and u·|bias|. So a
# correct solution is within u·(max|x|/s·max|weight| + max|bias|) times a small constant
# (measured ≤ ~3 over seeds 0-99 for F.layer_norm-like, var_mean, rsqrt and float64 styles),
# and the rounding of a sum of D terms grows like sqrt(D) when it is not pairwise: the atol
# is C·u·sqrt(D)·(that scale). Rows with a large offset or a tiny spread get a larger atol.
C = 8.0
UNIT = {torch.float32: 2.0**-24, torch.float64: 2.0**-53}


def _tol(x, weight, bias, eps=1e-5) -> dict[str, float]:
    x64 = x.double()
    mean = x64.mean(-1, keepdim=True)
    s = torch.sqrt(((x64 - mean) ** 2).mean(-1, keepdim=True) + eps)
    amplification = float((x64.abs().amax(-1, keepdim=True) / s).max())
    u = UNIT[x.dtype]
    scale = amplification * float(weight.double().abs().max()) + float(bias.double().abs().max())
    return {"atol": C * u * math.sqrt(x.shape[-1]) * scale, "rtol": 8 * u}


def _case(name, args, kwargs=None, note="") -> Case:
    kwargs = kwargs or {}
    eps = args[3] if len(args) > 3 else kwargs.get("eps", 1e-5)
    return Case(name, args, kwargs, **_tol(*args[:3], eps), note=note)


def _affine(g: torch.Generator, d: int, dtype=torch.float32):
    weight = (1.0 + 0.5 * torch.randn(d, generator=g, dtype=torch.float64)).to(dtype)
    bias = (0.5 * torch.randn(d, generator=g, dtype=torch.float64)).to(dtype)
    return weight, bias


def _x(g, shape, offset=0.0, spread=1.0, dtype=torch.float32):
    base = torch.randn(*shape, generator=g, dtype=torch.float64)
    return (offset + spread * base).to(dtype)


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    shapes = [lambda d: (rint(2, 6), d), lambda d: (rint(1, 3), rint(2, 7), d), lambda d: (d,)]
    for i in range(9):
        d = [3, 4, 5, 8, 16, 32, 64][rint(0, 6)]
        shape = shapes[i % 3](d)
        x = _x(g, shape, offset=float(torch.randn(1, generator=g)), spread=1.0 + rint(0, 3))
        weight, bias = _affine(g, d)
        kwargs = {"eps": [1e-5, 1e-6, 1e-3][i % 3]} if i % 2 else {}
        cases.append(_case(f"typical[{i}]", (x, weight, bias), kwargs))

    x = _x(g, (4, 6))
    weight, bias = _affine(g, 6)
    cases.append(_case("edge/eps_positional", (x, weight, bias, 0.5), note="eps=0.5"))
    x = _x(g, (3, 5), spread=0.2)
    weight, bias = _affine(g, 5)
    cases.append(_case("edge/large_eps", (x, weight, bias), {"eps": 0.1}, note="eps=0.1"))
    x = _x(g, (4, 1))
    weight, bias = _affine(g, 1)
    cases.append(_case("edge/D=1", (x, weight, bias), note="x - mean is 0: the output is bias"))
    x = _x(g, (2, 2))
    weight, bias = _affine(g, 2)
    cases.append(_case("edge/D=2", (x, weight, bias), note="biased variance: /2, not /1"))
    x = _x(g, (1, 7, 16))
    weight, bias = _affine(g, 16)
    cases.append(_case("edge/batch_1", (x, weight, bias), note="shape [1, 7, 16]"))
    x = _x(g, (3, 4, 12), offset=0.3, spread=2.0, dtype=torch.float64)
    weight, bias = _affine(g, 12, torch.float64)
    cases.append(_case("edge/float64", (x, weight, bias), {"eps": 1e-6}))
    x = torch.full((3, 8), 0.1) + torch.arange(3.0)[:, None]
    weight, bias = _affine(g, 8)
    cases.append(_case("edge/constant_rows", (x, weight, bias), note="variance 0: output = bias"))

    x = _x(g, (6, 16), offset=0.5, spread=1e-3)
    weight, bias = _affine(g, 16)
    cases.append(
        _case("hard/near_constant_rows", (x, weight, bias), note="var ≈ 1e-6 < eps = 1e-5")
    )
    x = _x(g, (2, 5, 8), spread=3e-3)
    weight, bias = _affine(g, 8)
    cases.append(
        _case("hard/near_constant_rows_3d", (x, weight, bias), {"eps": 1e-5},
              note="var ≈ 1e-5 = eps")
    )  # fmt: skip
    x = _x(g, (8, 256), offset=1e3)
    weight, bias = _affine(g, 256)
    cases.append(_case("hard/large_offset", (x, weight, bias), note="values 1000 ± 1 in float32"))
    x = _x(g, (4, 64), offset=-1e4, spread=2.0)
    weight, bias = _affine(g, 64)
    cases.append(
        _case("hard/larger_offset", (x, weight, bias),
              note="values -10000 ± 2 in float32: E[x²] - E[x]² cancels catastrophically")
    )  # fmt: skip
    x = _x(g, (4, 32), spread=1e3)
    weight, bias = _affine(g, 32)
    cases.append(_case("hard/large_scale", (x, weight, bias), note="values ±1000"))

    from hypothesis import strategies as st

    drawn = hypothesis_examples(
        st.tuples(st.integers(1, 5), st.integers(2, 24), st.sampled_from([1e-2, 1.0, 10.0])),
        20,
        seed,
    )
    unique = smallest_first(sorted(set(drawn)), lambda s: s[0] * s[1])[:8]
    for i, (rows, d, spread) in enumerate(unique):
        x = _x(g, (rows, d), offset=float(torch.randn(1, generator=g)), spread=spread)
        weight, bias = _affine(g, d)
        cases.append(_case(f"property[{i}]", (x, weight, bias), note=f"spread {spread:g}"))

    x = _x(g, (8, 128, 768), offset=0.1)
    weight, bias = _affine(g, 768)
    cases.append(_case("large/[8, 128, 768]", (x, weight, bias)))
    return cases
