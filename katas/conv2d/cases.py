"""Generated cases for `conv2d`: random shapes with stride, padding and dilation (ints and
(h, w) tuples), 1×1 and whole-input kernels, padding wider than the kernel, stride larger than
the kernel, asymmetric settings, float64, large magnitudes and a large case."""

from __future__ import annotations

import math

import torch

from mlprep.kata.casekit import Case

EPS32 = 2.0**-23


def _pair(v):
    return (v, v) if isinstance(v, int) else v


def _tol(x, w, bias):
    """Each output is a dot product of K = C·kH·kW terms; its float32 error grows like
    eps32·√K relative to the output scale √K·rms(x)·rms(w)."""
    k = w.shape[1] * w.shape[2] * w.shape[3]
    rms = lambda t: float(t.double().pow(2).mean().sqrt()) if t.numel() else 0.0  # noqa: E731
    scale = math.sqrt(k) * rms(x) * rms(w) + (float(bias.abs().max()) if bias is not None else 0.0)
    if x.dtype == torch.float64:
        return {"atol": 1e-12 * math.sqrt(k) * scale, "rtol": 1e-10}
    return {"atol": 8 * EPS32 * math.sqrt(k) * scale, "rtol": 1e-5}


def _case(name, g, n, c, h, w, o, kh, kw, *, bias=True, dtype=torch.float32, scale=1.0,
          offset=0.0, note="", **conv):  # fmt: skip
    x = (offset + scale * torch.randn(n, c, h, w, generator=g, dtype=torch.float64)).to(dtype)
    wt = torch.randn(o, c, kh, kw, generator=g, dtype=torch.float64).to(dtype)
    b = torch.randn(o, generator=g, dtype=torch.float64).to(dtype) if bias else None
    return Case(name, (x, wt, b), conv, **_tol(x, wt, b), note=note)


def _out(size, k, s, p, d):
    return (size + 2 * p - d * (k - 1) - 1) // s + 1


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    i = 0
    while i < 12:
        n, c, o = rint(1, 3), rint(1, 4), rint(1, 4)
        h, w = rint(4, 12), rint(4, 12)
        kh, kw = rint(1, 3), rint(1, 3)
        s, p, d = (rint(1, 3), rint(1, 3)), (rint(0, 2), rint(0, 2)), (rint(1, 2), rint(1, 2))
        if _out(h, kh, s[0], p[0], d[0]) < 1 or _out(w, kw, s[1], p[1], d[1]) < 1:
            continue
        as_int = i % 3 == 0 and s[0] == s[1] and p[0] == p[1] and d[0] == d[1]
        conv = {"stride": s, "padding": p, "dilation": d}
        if as_int:
            conv = {"stride": s[0], "padding": p[0], "dilation": d[0]}
        elif i % 4 == 1:
            conv = {"stride": s, "padding": p}  # dilation left at its default
        cases.append(_case(f"typical[{i}]", g, n, c, h, w, o, kh, kw, bias=i % 5 != 2,
                           note=", ".join(f"{k}={v}" for k, v in conv.items()), **conv))  # fmt: skip
        i += 1

    x = torch.randn(2, 3, 6, 5, generator=g)
    wt = torch.randn(4, 3, 2, 3, generator=g)
    b = torch.randn(4, generator=g)
    cases += [
        _case("edge/defaults", g, 2, 3, 7, 6, 2, 3, 3, note="stride 1, padding 0, dilation 1"),
        Case("edge/positional", (x, wt, b, (2, 1), (1, 2), (1, 2)), **_tol(x, wt, b),
             note="bias, stride, padding, dilation all positional"),
        Case("edge/bias_none", (x, wt), {"bias": None, "padding": 1}, **_tol(x, wt, None)),
        _case("edge/1x1_kernel", g, 2, 5, 4, 4, 3, 1, 1, stride=2, note="a per-pixel linear map"),
        _case("edge/kernel_covers_input", g, 2, 2, 5, 4, 3, 5, 4, note="output 1×1"),
        _case("edge/padding_wider_than_kernel", g, 1, 2, 3, 3, 2, 2, 2, padding=3,
              note="padding 3 > kernel 2: border outputs see only zeros, i.e. the bias"),
        _case("edge/stride_larger_than_kernel", g, 1, 2, 11, 10, 2, 2, 2, stride=3,
              note="stride 3 skips input pixels; (H + 2p - d(k-1) - 1) / s is not whole"),
        _case("edge/dilation_3", g, 1, 2, 9, 11, 2, 3, 3, dilation=3, padding=2),
        _case("edge/asymmetric_all", g, 2, 3, 10, 7, 2, 3, 2, stride=(2, 1), padding=(0, 2),
              dilation=(1, 2), note="(h, w) tuples differ in every setting"),
        _case("edge/non_square_kernel_1x3", g, 1, 1, 5, 8, 1, 1, 3, padding=(0, 1)),
        _case("edge/flip_detector", g, 1, 1, 6, 6, 1, 3, 3, bias=False, stride=1,
              note="one channel, one filter: convolution (flipped kernel) ≠ cross-correlation"),
        _case("edge/float64", g, 2, 3, 8, 7, 2, 3, 3, dtype=torch.float64, padding=1, stride=2),
    ]  # fmt: skip
    cases += [
        _case("hard/large_offset", g, 2, 4, 8, 8, 3, 3, 3, offset=1e3, padding=1,
              note="x around 1000: zero padding vs the border matters a lot"),
        _case("hard/wide_range", g, 1, 8, 9, 9, 4, 3, 3, scale=1e4, padding=(2, 1), dilation=2),
        _case("hard/many_channels", g, 1, 64, 6, 6, 4, 3, 3, padding=1,
              note="K = 576 terms per output"),
    ]  # fmt: skip
    cases.append(_case("large/[4, 32, 32, 32] k=3", g, 4, 32, 32, 32, 32, 3, 3, padding=1))
    return cases
