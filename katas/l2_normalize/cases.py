"""Generated cases for `l2_normalize`: every axis form, zero slices, the epsilon rule, large."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case

# Outputs are at most 1 in magnitude; float32 sums of squares are good to a few eps32 times
# log(n) (pairwise / vectorised summation), so a relative tolerance of 1e-5 (1e-4 for the
# large reductions) holds for every correct float32 order of operations.
F32 = {"atol": 1e-7, "rtol": 2e-5}
F64 = {"atol": 1e-15, "rtol": 1e-10}
LARGE = {"atol": 1e-8, "rtol": 1e-4}


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    def randn(*shape, dtype=torch.float32, scale=1.0):
        return (scale * torch.randn(*shape, generator=g, dtype=torch.float64)).to(dtype)

    for i in range(10):
        ndim = 1 + i % 4
        shape = tuple(rint(1, 6) for _ in range(ndim))
        x = randn(*shape) * float(torch.exp(2 * torch.randn(1, generator=g, dtype=torch.float64)))
        kind = i % 5
        if kind == 0:
            axis = None
        elif kind == 1:
            axis = rint(0, ndim - 1)
        elif kind == 2:
            axis = -rint(1, ndim)
        else:
            picked = torch.randperm(ndim, generator=g)[: rint(1, ndim)].tolist()
            axis = tuple(sorted(picked)) if kind == 3 else tuple(picked)
        args = (x,) if axis is None and i % 2 == 0 else (x, axis)
        cases.append(Case(f"typical[{i}]", args, **F32, note=f"shape {list(shape)}, axis={axis}"))

    m = torch.tensor([[1.0, 2, 3], [4.0, 5, 6], [7.0, 8, 9]])
    cases += [
        Case("edge/seed_matrix_axis=0", (m, 0, 1e-10), **F32, note="the seed's example: columns"),
        Case("edge/seed_matrix_axis=1", (m, 1, 1e-10), **F32, note="rows"),
        Case("edge/seed_matrix_axis=(0,1)", (m, (0, 1), 1e-10), **F32, note="the whole matrix"),
        Case("edge/default_axis_is_all_axes", (randn(4, 5),), **F32,
             note="axis=None (the default): the whole tensor is one vector"),
        Case("edge/axis=None_explicit_3d", (randn(2, 3, 4), None), **F32),
        Case("edge/vector_axis=0", (randn(7), 0), **F32),
        Case("edge/vector_axis=-1", (randn(7), -1), **F32),
        Case("edge/single_element", (torch.tensor([-3.0]), 0), **F32, note="gives -1"),
        Case("edge/tuple_axis=(0,2)", (randn(3, 4, 5), (0, 2)), **F32),
        Case("edge/tuple_axis=(-1,-2)", (randn(2, 3, 4), (-1, -2)), **F32),
        Case("edge/tuple_axis=(2,0)_unsorted", (randn(3, 2, 4), (2, 0)), **F32),
        Case("edge/tuple_of_one_axis", (randn(3, 5), (1,)), **F32),
        Case("edge/empty_rows", (torch.zeros(0, 5), -1), **F32, note="shape [0, 5]"),
        Case("edge/empty_reduction", (torch.zeros(3, 0), 1), **F32, note="shape [3, 0]"),
        Case("edge/float64", (randn(4, 6, dtype=torch.float64), 1), **F64),
        Case("edge/float64_axis=None", (randn(3, 5, dtype=torch.float64),), **F64),
    ]  # fmt: skip
    x = randn(6, 4)
    x[1] = 0.0
    x[4] = 0.0
    cases.append(Case("edge/zero_rows", (x, -1), **F32, note="rows 1 and 4 are zero: stay zero"))
    cases.append(Case("edge/all_zero_tensor", (torch.zeros(3, 4),), **F32, note="axis=None"))
    x = randn(5, 3, dtype=torch.float64)
    x[:, 1] = 0.0
    cases.append(Case("edge/zero_column_float64_axis=0", (x, 0), **F64))

    # epsilon = 0.25: slices with a sum of squares below 0.25 are divided by 0.5, others exactly
    x = randn(8, 3) * torch.tensor([0.05, 0.1, 0.2, 0.3, 0.4, 0.8, 1.5, 3.0])[:, None]
    cases.append(Case("edge/epsilon=0.25", (x, 1, 0.25), **F32, note="row norms from ~0.1 to ~5"))
    row = torch.tensor([[0.3, 0.4], [0.6, 0.8], [0.0, 0.5]], dtype=torch.float64)
    cases.append(
        Case("edge/sum_equal_to_epsilon", (row, -1, 0.25), **F64,
             note="sums of squares 0.25, 1, 0.25: max and + differ exactly here")
    )  # fmt: skip

    # numerically hard: tiny norms around sqrt(epsilon) = 1e-6 (default epsilon 1e-12)
    scales = torch.tensor([1e-8, 3e-7, 7e-7, 1e-6, 2e-6, 1e-5, 1e-3, 1.0], dtype=torch.float64)
    x = (torch.randn(8, 5, generator=g, dtype=torch.float64) * scales[:, None] / 2.3).float()
    cases.append(
        Case("hard/tiny_norms_near_sqrt_epsilon", (x, -1), **F32,
             note="row norms from ~1e-8 to ~1: below 1e-6 they are divided by 1e-6")
    )  # fmt: skip
    x = randn(4, 6, dtype=torch.float64, scale=1e-100)
    x[2] *= 1e95
    cases.append(
        Case("hard/float64_far_below_epsilon", (x, 1), atol=1e-300, rtol=1e-10,
             note="float64 rows of size 1e-100 (divided by 1e-6) and 1e-5")
    )  # fmt: skip
    cases.append(Case("hard/large_values", (randn(5, 8, scale=1e15), -1), **F32,
                      note="values ~1e15: squares ~1e30, still finite in float32"))  # fmt: skip
    x = randn(4, 6)
    x[:, 0] *= 1e6
    x[:, 1] *= 1e-6
    cases.append(Case("hard/mixed_magnitudes", (x, 1), **F32))

    cases.append(Case("large/512x1024_axis=-1", (randn(512, 1024), -1), **LARGE))
    cases.append(Case("large/256x256_axis=None", (randn(256, 256),), **LARGE))
    cases.append(Case("large/64x32x32_axis=(1,2)", (randn(64, 32, 32), (1, 2)), **LARGE))
    return cases
