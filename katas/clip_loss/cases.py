"""Generated cases for `clip_loss`: typical, edge, large scales (stable log-softmax), large N."""

from __future__ import annotations

import math

import torch

from mlprep.kata.casekit import Case

EPS32 = 2.0**-23


def _tol(scale: float, d: int, dtype=torch.float32) -> dict:
    """float32: each cosine is good to a few eps32·sqrt(d) (normalisation and a d-long dot
    product), multiplied by the scale in the logits, which the loss inherits; the
    log-softmax and the means add a few eps32 relative to the loss."""
    if dtype == torch.float64:
        return {"atol": 1e-11 * (1 + scale), "rtol": 1e-9}
    return {"atol": 8 * EPS32 * math.sqrt(d) * max(scale, 1.0), "rtol": 2e-5}


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    def randn(*shape):
        return torch.randn(*shape, generator=g, dtype=torch.float64)

    def pair(n, d, noise=0.5, dtype=torch.float32, common=0.0):
        """Image/text rows that are noisy views of each other, rows of very different lengths."""
        base = randn(n, d) + common * randn(1, d)
        img = (base + noise * randn(n, d)) * torch.exp(randn(n, 1))
        txt = (base + noise * randn(n, d)) * torch.exp(randn(n, 1))
        return img.to(dtype), txt.to(dtype)

    def case(name, img, txt, log_scale, note=""):
        dtype = img.dtype
        scale = math.exp(log_scale)
        ls = torch.tensor(log_scale, dtype=dtype)
        return Case(name, (img, txt, ls), **_tol(scale, img.shape[1], dtype), note=note)

    init = math.log(1 / 0.07)
    log_scales = [init, 0.0, 1.0, 3.0, math.log(50.0), init]
    for i in range(10):
        n, d = rint(2, 24), [8, 16, 32, 64, 128][i % 5]
        img, txt = pair(n, d, noise=[0.3, 1.0, 3.0][i % 3])
        ls = log_scales[i % len(log_scales)]
        cases.append(case(f"typical[{i}]", img, txt, ls, f"N={n}, d={d}, scale={math.exp(ls):.3g}"))

    cases.append(case("edge/N=1", *pair(1, 8), init, "one pair, no negatives: loss 0"))
    cases.append(case("edge/N=2", *pair(2, 3), 1.0))
    cases.append(case("edge/d=1", *pair(6, 1), 0.5, "cosines are ±1"))
    cases.append(case("edge/logit_scale=0", *pair(8, 16), 0.0, "scale exp(0) = 1"))
    cases.append(case("edge/negative_logit_scale", *pair(8, 16), -1.5, "scale ≈ 0.22"))
    cases.append(case("edge/unrelated", randn(6, 8).float(), randn(6, 8).float(), init))
    img, txt = pair(7, 12)
    lengths = torch.tensor([1e-3, 1e3, 1.0, 50.0, 0.02, 7.0, 1e2])[:, None]
    cases.append(
        case("edge/rows_of_very_different_norms", img * lengths, txt * lengths.flip(0), init)
    )
    img, txt = pair(9, 10)
    txt[[0, 3]] = txt[[3, 0]]  # two captions swapped: both directions disagree with the diagonal
    cases.append(case("edge/two_captions_swapped", img, txt, 2.0))
    cases.append(case("edge/float64", *pair(6, 10, dtype=torch.float64), init))

    # numerically hard: logits up to 100 (float32 exp overflows at 88.7) and 1000 (float64)
    cases.append(
        case("hard/scale=100_hard_negatives", *pair(16, 64, noise=0.05, common=20.0),
             math.log(100.0), "every cosine near 1: logits all near 100")
    )  # fmt: skip
    cases.append(case("hard/scale=100", *pair(8, 32, noise=0.05), math.log(100.0)))
    cases.append(
        case("hard/float64_scale=1000", *pair(6, 16, noise=0.01, dtype=torch.float64,
             common=30.0), math.log(1000.0), "logits near 1000: exp overflows in float64")
    )  # fmt: skip

    cases.append(case("large/N=256,d=512", *pair(256, 512, noise=1.0), init))
    return cases
