"""Generated cases for `swiglu`: typical shapes, square weights, saturated gates, large."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case

# outputs are O(0.1-1); float32 sums over d ≤ 256 and d_ff ≤ 688 terms of that size are a
# few 1e-7 off: 1e-5 absolute and 1e-4 relative leave a margin of 10x or more
F32 = {"atol": 1e-5, "rtol": 1e-4}
F64 = {"atol": 1e-12, "rtol": 1e-10}


def _weights(g, d, d_ff, dtype=torch.float32, gate_scale=1.0):
    def uniform(out, inp, scale=1.0):
        w = (torch.rand(out, inp, generator=g, dtype=torch.float64) * 2 - 1) * inp**-0.5
        return (w * scale).to(dtype)

    return uniform(d_ff, d, gate_scale), uniform(d, d_ff), uniform(d_ff, d)  # w1, w2, w3


def _case(g, name, lead, d, d_ff, *, dtype=torch.float32, scale=1.0, gate_scale=1.0,
          tol=F32, note=""):  # fmt: skip
    x = (torch.randn(*lead, d, generator=g, dtype=torch.float64) * scale).to(dtype)
    w1, w2, w3 = _weights(g, d, d_ff, dtype, gate_scale)
    return Case(name, (x, w1, w2, w3), **tol, note=note or f"x {[*lead, d]}, d_ff={d_ff}")


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    for i in range(10):
        d = [4, 8, 12, 16, 32][rint(0, 4)]
        d_ff = [d * 2, (8 * d) // 3, d * 4, d + 3][i % 4]
        lead = [(rint(1, 6),), (rint(1, 3), rint(1, 7)), ()][i % 3]
        cases.append(_case(g, f"typical[{i}]", lead, d, d_ff, scale=0.5 + rint(0, 2)))

    cases += [
        _case(g, "edge/square_weights", (3, 5), 16, 16,
              note="d_ff = d: a weight used without .T still has the right shape"),
        _case(g, "edge/d_ff_smaller", (4,), 16, 6, note="d_ff = 6 < d = 16"),
        _case(g, "edge/d=1", (5,), 1, 4, note="d = 1"),
        _case(g, "edge/single_vector", (), 8, 20, note="x is 1-D: [d]"),
        _case(g, "edge/float64", (2, 3), 12, 32, dtype=torch.float64, tol=F64),
        _case(g, "edge/zero_input", (2, 4), 8, 16, scale=0.0, note="x = 0: silu(0) = 0"),
        _case(g, "hard/saturated_gates", (3, 4), 16, 40, scale=4.0, gate_scale=12.0,
              tol={"atol": 1e-4, "rtol": 1e-4},
              note="gate pre-activations of ±100: silu(g) is g or -0"),
        _case(g, "hard/float64_saturated", (2, 5), 16, 24, dtype=torch.float64, scale=4.0,
              gate_scale=60.0, tol=F64, note="gate pre-activations of ±1000"),
        _case(g, "hard/small_inputs", (3, 6), 16, 40, scale=1e-3,
              tol={"atol": 1e-11, "rtol": 1e-4},
              note="|x| ≈ 1e-3: silu(g) ≈ g/2, outputs ≈ 1e-7"),
        _case(g, "large/[4, 128, 256], d_ff=688", (4, 128), 256, 688,
              tol={"atol": 2e-5, "rtol": 1e-4}),
    ]  # fmt: skip
    return cases
