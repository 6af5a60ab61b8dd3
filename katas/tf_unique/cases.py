"""Generated cases for `tf_unique`: first-occurrence order, dtypes of y and idx, empty, large."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case

DTYPES = [torch.int64, torch.int32, torch.float32, torch.float64]


def invoke(solution, x, out_idx=None):
    """`out_idx` travels as a name ("int32"/"int64": a dtype cannot be encoded) and is passed
    as the torch dtype; None calls without it. The pair may be a tuple or a list (the task
    allows both): compared as a tuple."""
    if out_idx is None:
        result = solution.tf_unique(x)
    else:
        result = solution.tf_unique(x, getattr(torch, out_idx))
    if isinstance(result, list) and len(result) == 2:
        return tuple(result)
    return result


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    def draw(n: int, distinct: int, dtype=torch.int64) -> torch.Tensor:
        """n values drawn from `distinct` random values (no -0.0, no NaN)."""
        pool = torch.randperm(4 * distinct + 1, generator=g)[:distinct] - 2 * distinct
        if dtype.is_floating_point:
            pool = pool.double() / 4 + 0.1  # fractions, never zero
        picks = torch.randint(0, distinct, (n,), generator=g)
        return pool[picks].to(dtype)

    for i in range(12):
        n = rint(2, 30)
        distinct = rint(1, max(1, n // 2 + 1))
        dtype = DTYPES[i % 4]
        x = draw(n, distinct, dtype)
        args = (x,) if i % 3 else (x, "int64" if i % 2 else "int32")
        cases.append(Case(f"typical[{i}]", args, note=f"N={n}, {distinct} values, {dtype}"))

    seed_x = torch.tensor([1, 1, 2, 4, 4, 4, 7, 8, 8], dtype=torch.int32)
    cases += [
        Case("edge/seed_example", (seed_x,), note="sorted input: y = [1, 2, 4, 7, 8]"),
        Case("edge/task_example", (torch.tensor([4, 1, 4, 2, 1, 7]),)),
        Case("edge/descending", (torch.arange(9, 0, -1),), note="all distinct, descending"),
        Case(
            "edge/value_returns_later",
            (torch.tensor([5, 3, 5, 3, 5]),),
            note="5 and 3 alternate: y = [5, 3]",
        ),
        Case(
            "edge/last_order_differs",
            (torch.tensor([2, 9, 2, 1, 9, 3]),),
            note="by first occurrence [2, 9, 1, 3], by last [2, 1, 9, 3]",
        ),
        Case("edge/all_equal", (torch.full((6,), 7, dtype=torch.int32),)),
        Case("edge/single", (torch.tensor([-4.5]),)),
        Case("edge/empty_int64", (torch.zeros(0, dtype=torch.int64),)),
        Case("edge/empty_float32_out_idx=int64", (torch.zeros(0), "int64")),
        Case("edge/out_idx=int64", (torch.tensor([3, 1, 3, 0]), "int64")),
        Case("edge/out_idx=int32_explicit", (torch.tensor([3, 1, 3, 0]), "int32")),
        Case("edge/int32_values", (draw(15, 6, torch.int32),), note="y stays int32"),
        Case("edge/float64_values", (draw(15, 6, torch.float64),), note="y stays float64"),
        Case(
            "edge/negative_and_large_int64",
            (torch.tensor([-(2**40), 3, 2**40 + 1, 3, -(2**40), -1]),),
        ),
        Case(
            "edge/floats_close_but_distinct",
            (torch.tensor([0.1, 0.1 + 1e-12, 0.1, 0.3], dtype=torch.float64),),
            note="0.1 and 0.1 + 1e-12 are different values",
        ),
    ]
    cases.append(Case("large/N=30000,1000_values", (draw(30_000, 1000),), timeout=5.0))
    x = torch.randperm(30_000, generator=g).to(torch.int32)
    cases.append(Case("large/N=30000_all_distinct", (x,), timeout=5.0))
    return cases
