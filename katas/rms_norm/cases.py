"""Generated cases for `rms_norm`: typical shapes, offset rows, tiny rows (eps matters), large."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case, hypothesis_examples, smallest_first

F32 = {"atol": 1e-5, "rtol": 1e-4}
F64 = {"atol": 1e-10, "rtol": 1e-9}


def _x(g, shape, offset=0.0, spread=1.0, dtype=torch.float32):
    base = torch.randn(*shape, generator=g, dtype=torch.float64)
    return (offset + spread * base).to(dtype)


def _weight(g, d, dtype=torch.float32):
    return (1.0 + 0.5 * torch.randn(d, generator=g, dtype=torch.float64)).to(dtype)


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    shapes = [lambda d: (rint(2, 6), d), lambda d: (rint(1, 3), rint(2, 7), d), lambda d: (d,)]
    for i in range(9):
        d = [2, 3, 4, 8, 16, 32, 64][rint(0, 6)]
        x = _x(
            g, shapes[i % 3](d), offset=float(torch.randn(1, generator=g)), spread=0.5 + rint(0, 3)
        )
        kwargs = {"eps": [1e-6, 1e-5, 1e-8][i % 3]} if i % 2 else {}
        cases.append(Case(f"typical[{i}]", (x, _weight(g, d)), kwargs, **F32))

    cases += [
        Case("edge/offset_rows", (_x(g, (4, 16), offset=3.0, spread=0.5), _weight(g, 16)), **F32,
             note="rows around 3: RMSNorm does not centre them"),
        Case("edge/D=1", (_x(g, (5, 1)), _weight(g, 1)), **F32, note="x / sqrt(x² + eps) ≈ ±1"),
        Case("edge/zero_rows", (torch.zeros(3, 8), _weight(g, 8)), **F32,
             note="all zeros: 0 / sqrt(eps) = 0"),
        Case("edge/eps_positional", (_x(g, (3, 6)), _weight(g, 6), 0.25), **F32, note="eps=0.25"),
        Case("edge/float64", (_x(g, (2, 5, 12), offset=0.2, dtype=torch.float64),
                              _weight(g, 12, torch.float64)), {"eps": 1e-6}, **F64),
        Case("edge/batch_1", (_x(g, (1, 9, 32)), _weight(g, 32)), **F32),
        Case("hard/tiny_rows", (_x(g, (6, 16), spread=1e-3), _weight(g, 16)), **F32,
             note="mean(x²) ≈ 1e-6 = eps"),
        Case("hard/tiny_rows_3d", (_x(g, (2, 4, 8), spread=3e-4), _weight(g, 8)), {"eps": 1e-6},
             **F32, note="mean(x²) ≈ 1e-7 < eps"),
        Case("hard/large_values", (_x(g, (4, 32), spread=1e4), _weight(g, 32)), **F32,
             note="values ±1e4: mean(x²) ≈ 1e8"),
    ]  # fmt: skip

    from hypothesis import strategies as st

    drawn = hypothesis_examples(
        st.tuples(st.integers(1, 5), st.integers(1, 24), st.sampled_from([1e-3, 1.0, 100.0])),
        20,
        seed,
    )
    unique = smallest_first(sorted(set(drawn)), lambda s: s[0] * s[1])[:8]
    for i, (rows, d, spread) in enumerate(unique):
        x = _x(g, (rows, d), offset=float(torch.randn(1, generator=g)) * spread, spread=spread)
        cases.append(Case(f"property[{i}]", (x, _weight(g, d)), **F32, note=f"spread {spread:g}"))

    x = _x(g, (4, 256, 1024), offset=0.1)
    cases.append(Case("large/[4, 256, 1024]", (x, _weight(g, 1024)), atol=5e-5, rtol=1e-4))
    return cases
