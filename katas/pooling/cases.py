"""Generated cases for `pooling`: both modes, int and (h, w) arguments, default stride, floor
output sizes, maximal padding (count_include_pad matters), all-negative inputs, float64."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case

EXACT = {"atol": 0.0, "rtol": 0.0}  # a max is one of the inputs: no rounding at all


def _avg_tol(x, k):
    """A mean of at most k float32 values: a few eps32 of the largest |value| (times √k)."""
    if x.dtype == torch.float64:
        return {"atol": 1e-12 * max(1.0, float(x.abs().max())), "rtol": 1e-12}
    scale = max(1.0, float(x.abs().max())) if x.numel() else 1.0
    return {"atol": 4e-7 * scale * max(1.0, k**0.5), "rtol": 1e-6}


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    def data(n, c, h, w, offset=0.0, scale=1.0, dtype=torch.float32):
        x = offset + scale * torch.randn(n, c, h, w, generator=g, dtype=torch.float64)
        return x.to(dtype)

    def case(name, x, *args, note="", **kwargs):
        mode = kwargs.get("mode", args[3] if len(args) > 3 else "max")
        k = kwargs.get("kernel_size", args[0] if args else 1)
        kk = k * k if isinstance(k, int) else k[0] * k[1]
        tol = EXACT if mode == "max" else _avg_tol(x, kk)
        return Case(name, (x, *args), kwargs, **tol, note=note)

    for i in range(12):
        k = rint(2, 4)
        s = [None, 1, 2, k][rint(0, 3)]
        p = rint(0, k // 2)
        h, w = rint(k, 14), rint(k, 14)
        x = data(rint(1, 3), rint(1, 4), h, w)
        mode = "max" if i % 2 == 0 else "avg"
        kwargs = {"mode": mode, "padding": p}
        if s is not None:
            kwargs["stride"] = s
        if mode == "avg" and i % 4 == 3:
            kwargs["count_include_pad"] = False
        cases.append(case(f"typical[{i}]", x, k, **kwargs))

    neg = -1.0 - torch.rand(2, 3, 7, 7, generator=g, dtype=torch.float64)
    cases += [
        case("edge/defaults", data(2, 3, 8, 8), 2, note="stride defaults to kernel_size, max"),
        case("edge/avg_default_stride", data(2, 2, 9, 9), 3, mode="avg"),
        case("edge/positional", data(1, 2, 10, 7), 3, 2, 1, "avg", False,
             note="all arguments by position"),
        case("edge/floor_output", data(1, 2, 10, 11), 3, mode="max", stride=2,
             note="(10 − 3) / 2 = 3.5: the output size is floor(...) + 1 = 4; no partial window"),
        case("edge/floor_output_avg", data(2, 1, 7, 12), 2, mode="avg", stride=3, padding=1),
        case("edge/stride_gt_kernel", data(1, 3, 13, 13), 2, stride=4, mode="max",
             note="stride 4 > kernel 2: rows and columns are skipped"),
        case("edge/kernel_1", data(2, 2, 5, 6), 1, mode="avg", note="kernel 1: the identity"),
        case("edge/global", data(2, 4, 6, 5), (6, 5), mode="avg", note="one window = the image"),
        case("edge/global_max", data(2, 4, 6, 5), (6, 5), mode="max"),
        case("edge/rect_kernel", data(2, 2, 9, 12), (2, 3), mode="max", note="kernel (2, 3)"),
        case("edge/rect_all", data(1, 2, 11, 10), (3, 2), stride=(2, 1), padding=(1, 0),
             mode="avg", note="kernel, stride and padding all (h, w) tuples"),
        case("edge/rect_all_max", data(1, 2, 10, 11), (2, 4), stride=(1, 3), padding=(1, 2),
             mode="max"),
        case("edge/pad_include", data(2, 2, 6, 6), 3, stride=2, padding=1, mode="avg",
             count_include_pad=True, note="border windows divide by 9 (zeros counted)"),
        case("edge/pad_exclude", data(2, 2, 6, 6), 3, stride=2, padding=1, mode="avg",
             count_include_pad=False, note="border windows divide by the real elements (4 or 6)"),
        case("edge/pad_exclude_no_padding", data(1, 2, 6, 6), 2, mode="avg",
             count_include_pad=False, note="no padding: count_include_pad changes nothing"),
        case("edge/max_ignores_count_flag", data(1, 2, 6, 6), 3, stride=1, padding=1,
             mode="max", count_include_pad=False),
        case("edge/N=1,C=1", data(1, 1, 4, 4), 2, mode="max"),
        case("edge/float64_avg", data(2, 3, 8, 9, dtype=torch.float64), 3, stride=2, padding=1,
             mode="avg", count_include_pad=False),
        case("edge/float64_max", data(2, 3, 8, 9, dtype=torch.float64), 3, stride=2, padding=1),
        Case("edge/bad_mode", (data(1, 1, 4, 4), 2), {"mode": "min"}, raises="ValueError",
             note="mode must be 'max' or 'avg'"),
        case("hard/all_negative_padded", neg.float(), 3, stride=2, padding=1, mode="max",
             note="every value < −1: padding must be −inf, a zero pad would win the border windows"),
        case("hard/all_negative_pad_corner", -1.0 - data(1, 2, 5, 5).abs(), 2, stride=1, padding=1,
             mode="max", note="kernel 2, padding 1: corner windows hold 1 real value and 3 pads"),
        case("hard/large_offset_avg", data(2, 2, 8, 8, offset=1e4, scale=1e-2), 2, mode="avg",
             padding=1, count_include_pad=False, note="values 1e4 ± 0.01"),
        case("hard/mixed_scales", data(1, 3, 9, 9, scale=1e3), 3, stride=2, padding=1, mode="avg"),
    ]  # fmt: skip

    cases.append(case("large/[4, 8, 32, 32] max", data(4, 8, 32, 32), 3, stride=2, padding=1))
    cases.append(case("large/[4, 8, 32, 32] avg", data(4, 8, 32, 32), 3, stride=2, padding=1,
                      mode="avg", count_include_pad=False))  # fmt: skip
    return cases
