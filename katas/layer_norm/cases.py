"""Generated cases for `layer_norm`: typical shapes, eps-sensitive rows, large offsets, large."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case, hypothesis_examples, smallest_first

F32 = {"atol": 1e-5, "rtol": 1e-4}
F64 = {"atol": 1e-10, "rtol": 1e-9}
# rows around 1e3 with spread 1: a float32 mean is off by about 1e-4 of the spread
OFFSET = {"atol": 3e-3, "rtol": 1e-3}
# where var ≈ eps, the float32 rounding of the mean (about 1e-7·|mean|) is divided by
# sqrt(var + eps) ≈ 3e-3: a correct float32 solution is off by up to about 1e-4
NEAR = {"atol": 5e-4, "rtol": 1e-3}


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
        cases.append(Case(f"typical[{i}]", (x, weight, bias), kwargs, **F32))

    x = _x(g, (4, 6))
    weight, bias = _affine(g, 6)
    cases.append(Case("edge/eps_positional", (x, weight, bias, 0.5), **F32, note="eps=0.5"))
    x = _x(g, (3, 5), spread=0.2)
    weight, bias = _affine(g, 5)
    cases.append(Case("edge/large_eps", (x, weight, bias), {"eps": 0.1}, **F32, note="eps=0.1"))
    x = _x(g, (4, 1))
    weight, bias = _affine(g, 1)
    cases.append(
        Case("edge/D=1", (x, weight, bias), **F32, note="x - mean is 0: the output is bias")
    )
    x = _x(g, (2, 2))
    weight, bias = _affine(g, 2)
    cases.append(Case("edge/D=2", (x, weight, bias), **F32, note="biased variance: /2, not /1"))
    x = _x(g, (1, 7, 16))
    weight, bias = _affine(g, 16)
    cases.append(Case("edge/batch_1", (x, weight, bias), **F32, note="shape [1, 7, 16]"))
    x = _x(g, (3, 4, 12), offset=0.3, spread=2.0, dtype=torch.float64)
    weight, bias = _affine(g, 12, torch.float64)
    cases.append(Case("edge/float64", (x, weight, bias), {"eps": 1e-6}, **F64))
    x = torch.full((3, 8), 0.1) + torch.arange(3.0)[:, None]
    weight, bias = _affine(g, 8)
    cases.append(
        Case("edge/constant_rows", (x, weight, bias), **NEAR, note="variance 0: output = bias")
    )

    x = _x(g, (6, 16), offset=0.5, spread=1e-3)
    weight, bias = _affine(g, 16)
    cases.append(
        Case("hard/near_constant_rows", (x, weight, bias), **NEAR, note="var ≈ 1e-6 < eps = 1e-5")
    )
    x = _x(g, (2, 5, 8), spread=3e-3)
    weight, bias = _affine(g, 8)
    cases.append(
        Case("hard/near_constant_rows_3d", (x, weight, bias), {"eps": 1e-5}, **NEAR,
             note="var ≈ 1e-5 = eps")
    )  # fmt: skip
    x = _x(g, (8, 256), offset=1e3)
    weight, bias = _affine(g, 256)
    cases.append(
        Case("hard/large_offset", (x, weight, bias), **OFFSET, note="values 1000 ± 1 in float32")
    )
    x = _x(g, (4, 64), offset=-1e4, spread=2.0)
    weight, bias = _affine(g, 64)
    cases.append(
        Case("hard/larger_offset", (x, weight, bias), atol=5e-2, rtol=1e-2,
             note="values -10000 ± 2 in float32: E[x²] - E[x]² cancels catastrophically")
    )  # fmt: skip
    x = _x(g, (4, 32), spread=1e3)
    weight, bias = _affine(g, 32)
    cases.append(Case("hard/large_scale", (x, weight, bias), **F32, note="values ±1000"))

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
        cases.append(Case(f"property[{i}]", (x, weight, bias), **F32, note=f"spread {spread:g}"))

    x = _x(g, (8, 128, 768), offset=0.1)
    weight, bias = _affine(g, 768)
    cases.append(Case("large/[8, 128, 768]", (x, weight, bias), atol=5e-5, rtol=1e-4))
    return cases
