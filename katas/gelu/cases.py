"""Generated cases for `gelu`: both modes, every shape, huge and tiny values, bad modes."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case

# GELU is elementwise: a float32 result is a few ulps of x off, plus, for x ≲ -4, the
# rounding of 1 + erf(x/√2) near 0 (≤ |x|·2⁻²⁴). The two modes differ by up to 5e-4
# (near |x| ≈ 2), far above these tolerances.
F32 = {"atol": 1e-6, "rtol": 1e-5}
F64 = {"atol": 1e-13, "rtol": 1e-12}
MODES = ("none", "tanh")


def _x(g, shape, scale=3.0, dtype=torch.float32):
    return (torch.randn(*shape, generator=g, dtype=torch.float64) * scale).to(dtype)


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    for i in range(12):
        shape = [(rint(1, 40),), (rint(1, 6), rint(1, 9)), (rint(1, 3), rint(1, 4), rint(1, 7))][
            i % 3
        ]
        x = _x(g, shape, scale=[1.0, 2.0, 4.0][i % 3])
        mode = MODES[i % 2]
        # the default (no argument), the keyword and the positional form
        if i % 4 == 0:
            cases.append(Case(f"typical[{i}]", (x,), **F32, note="default: exact (erf)"))
        elif i % 4 == 3:
            cases.append(Case(f"typical[{i}]", (x, mode), **F32, note=f"'{mode}' positional"))
        else:
            cases.append(Case(f"typical[{i}]", (x,), {"approximate": mode}, **F32, note=mode))

    grid = torch.linspace(-6.0, 6.0, 241)
    for mode in MODES:
        cases.append(Case(f"edge/grid_{mode}", (grid.clone(),), {"approximate": mode}, **F32,
                          note="x = -6, -5.95, …, 6 (includes 0)"))  # fmt: skip
        cases.append(Case(f"edge/scalar_{mode}", (torch.tensor(0.7),), {"approximate": mode},
                          **F32, note="a 0-dim tensor"))  # fmt: skip
        cases.append(Case(f"edge/empty_{mode}", (torch.zeros(0, 5),), {"approximate": mode},
                          **F32, note="shape [0, 5]"))  # fmt: skip
        x = _x(g, (3, 17), dtype=torch.float64)
        cases.append(Case(f"edge/float64_{mode}", (x,), {"approximate": mode}, **F64))
    for bad in ("exact", "Tanh", "erf"):
        cases.append(Case(f"edge/bad_mode_{bad}", (_x(g, (4,)),), {"approximate": bad},
                          raises="ValueError", note=f"approximate={bad!r}"))  # fmt: skip

    big = torch.cat([torch.logspace(1, 30, 30), -torch.logspace(1, 30, 30)])
    big64 = torch.cat([torch.logspace(1, 300, 60, dtype=torch.float64),
                       -torch.logspace(1, 300, 60, dtype=torch.float64)])  # fmt: skip
    for mode in MODES:
        cases.append(Case(f"hard/huge_{mode}", (big.clone(),), {"approximate": mode}, **F32,
                          note="|x| from 10 to 1e30: gelu(x) → x or 0, x³ overflows"))  # fmt: skip
        cases.append(Case(f"hard/huge_float64_{mode}", (big64.clone(),), {"approximate": mode},
                          **F64, note="|x| from 10 to 1e300"))  # fmt: skip
        tail = -torch.linspace(3.0, 40.0, 75, dtype=torch.float64)
        cases.append(Case(f"hard/negative_tail_float64_{mode}", (tail,), {"approximate": mode},
                          **F64, note="x in [-40, -3]: 1 + erf(x/√2) cancels"))  # fmt: skip
        tiny = _x(g, (50,), scale=1e-20)
        cases.append(Case(f"hard/tiny_{mode}", (tiny,), {"approximate": mode}, atol=0.0,
                          rtol=1e-5, note="|x| ≈ 1e-20: gelu(x) ≈ x/2"))  # fmt: skip

    for mode in MODES:
        x = _x(g, (128, 512))
        cases.append(Case(f"large/[128, 512]_{mode}", (x,), {"approximate": mode}, **F32))
    return cases
