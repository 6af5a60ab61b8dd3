"""Generated cases for `boolean_mask`: masks of 1..3 dims at every axis, empty, errors, large."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case

# entries are copied, never computed: compared exactly
EXACT = {"atol": 0.0, "rtol": 0.0}


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    def values(*shape, dtype=torch.float32):
        if dtype == torch.bool:
            return torch.rand(*shape, generator=g) < 0.5
        if dtype.is_floating_point:
            return torch.randn(*shape, generator=g, dtype=torch.float64).to(dtype)
        return torch.randint(-50, 50, shape, generator=g).to(dtype)

    def mask(*shape, p=0.5):
        return torch.rand(*shape, generator=g) < p

    dtypes = [torch.float32, torch.int64, torch.float64, torch.int32]
    for i in range(12):
        n = rint(1, 4)
        k = rint(1, n)
        axis = rint(0, n - k)
        shape = tuple(rint(1, 5) for _ in range(n))
        x = values(*shape, dtype=dtypes[i % 4])
        m = mask(*shape[axis : axis + k], p=0.3 + 0.1 * (i % 5))
        args = (x, m) if axis == 0 and i % 2 else (x, m, axis)
        cases.append(
            Case(f"typical[{i}]", args, **EXACT, note=f"shape {list(shape)}, K={k}, axis={axis}")
        )

    seed_t = torch.tensor([[1, 2], [3, 4], [5, 6]])
    cases += [
        Case("edge/seed_rows", (seed_t, torch.tensor([True, False, True])), **EXACT,
             note="keeps rows 0 and 2"),
        Case("edge/seed_full_shape_mask", (seed_t, seed_t > 3), **EXACT, note="gives [4, 5, 6]"),
        Case("edge/axis=1_columns", (values(4, 5), mask(5), 1), **EXACT),
        Case("edge/axis=1_K=2", (values(3, 4, 5, 2), mask(4, 5), 1), **EXACT,
             note="result [3, count, 2]"),
        Case("edge/axis=2_last_dims", (values(2, 3, 4, 5), mask(4, 5), 2), **EXACT),
        Case("edge/K=2_row_major_order",
             (torch.arange(12).reshape(3, 4), torch.tensor([[True, False, True, False],
                                                            [False, True, False, False],
                                                            [True, False, False, True]])),
             **EXACT, note="selected in row-major order: [0, 2, 5, 8, 11]"),
        Case("edge/K=3_full_shape", (values(2, 3, 4), mask(2, 3, 4)), **EXACT),
        Case("edge/all_true", (values(4, 3), torch.ones(4, dtype=torch.bool)), **EXACT),
        Case("edge/all_false", (values(4, 3), torch.zeros(4, dtype=torch.bool)), **EXACT,
             note="result shape [0, 3]"),
        Case("edge/all_false_axis=1", (values(2, 3, 4), torch.zeros(3, 4, dtype=torch.bool), 1),
             **EXACT, note="result shape [2, 0]"),
        Case("edge/empty_masked_dim", (values(0, 4), torch.zeros(0, dtype=torch.bool)), **EXACT,
             note="shape [0, 4], mask shape [0]"),
        Case("edge/empty_trailing_dim", (values(3, 0), torch.tensor([True, False, True])),
             **EXACT, note="result shape [2, 0]"),
        Case("edge/bool_tensor", (values(5, 2, dtype=torch.bool), mask(5)), **EXACT),
        Case("edge/1d_tensor", (values(6), mask(6)), **EXACT),
        Case("error/scalar_mask", (values(3, 2), torch.tensor(True)), raises="ValueError",
             note="mask cannot be scalar"),
        Case("error/mask_too_long", (values(3, 2), mask(4)), raises="ValueError"),
        Case("error/mask_shape_mismatch_axis=1", (values(3, 4), mask(3), 1), raises="ValueError",
             note="mask [3] against dim 1 of size 4"),
        Case("error/mask_2d_transposed", (values(3, 4), mask(4, 3)), raises="ValueError"),
        Case("error/axis_plus_K_too_large", (values(3, 4), mask(4, 2), 1), raises="ValueError",
             note="axis 1 + K 2 > N 2"),
        Case("error/mask_has_more_dims", (values(3), mask(3, 1)), raises="ValueError"),
    ]  # fmt: skip
    x = values(4, 4)
    cases.append(Case("edge/square_axis=1", (x, torch.tensor([True, True, False, True]), 1),
                      **EXACT, note="square: masking rows instead of columns does not raise"))  # fmt: skip
    cases.append(Case("large/2000x256_rows", (values(2000, 256), mask(2000)), **EXACT))
    cases.append(
        Case("large/8x64x64x16_axis=1_K=2", (values(8, 64, 64, 16), mask(64, 64, p=0.2), 1),
             **EXACT)
    )  # fmt: skip
    return cases
