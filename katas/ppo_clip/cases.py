"""Generated cases for `ppo_clip`: sequence- and token-level shapes, the ε = 0 boundary of the
clip-fraction rule, one-sided advantages, very negative log-probabilities, huge ratios."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case

MARGIN = 1e-4  # no random ratio lies within this (relative) of the clip boundary 1 ± ε


def invoke(solution, logp_new, logp_old, advantages, *args, **kwargs):
    """Call the solution; a float clip fraction within 1e-3/N of some k/N is compared as k/N
    exactly (so a float32 mean like 0.58333331 is as good as 7/12, and a wrong count fails)."""
    out = solution.ppo_clip_loss(logp_new, logp_old, advantages, *args, **kwargs)
    if type(out) is tuple and len(out) == 2 and type(out[1]) is float:
        n = logp_new.numel()
        k = round(out[1] * n)
        if abs(out[1] * n - k) < 1e-3:
            out = (out[0], k / n)
    return out


def _tol(logp_new, logp_old, adv, clip_eps, dtype):
    """float32: each term min(r·A, clip(r)·A) is good to a few ulps (exp of a difference of
    float32 inputs); their mean to a few eps32 of mean|term|. float64: the same with eps64."""
    d = logp_new.double() - logp_old.double()
    r = torch.exp(d)
    a = adv.double()
    terms = torch.minimum(r * a, r.clamp(1 - clip_eps, 1 + clip_eps) * a)
    scale = float(terms.abs().mean())
    if dtype == torch.float64:
        return {"atol": 1e-12 * scale + 1e-15, "rtol": 1e-10}
    return {"atol": 2e-6 * scale + 1e-7, "rtol": 1e-5}


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    def away_from_boundary(old, d, clip_eps):
        """Nudge differences whose ratio sits within MARGIN of 1 ± ε (in any arithmetic)."""
        r = torch.exp(d)
        near = ((r - 1).abs() - clip_eps).abs() < MARGIN * (1 + clip_eps)
        return d + near.double() * 10 * MARGIN

    def case(name, shape, *, spread=0.3, old_lo=0.2, old_hi=5.0, clip_eps=0.2, how="default",
             adv=None, d=None, dtype=torch.float32, note=""):  # fmt: skip
        old = -(old_lo + (old_hi - old_lo) * torch.rand(*shape, generator=g, dtype=torch.float64))
        if d is None:
            d = spread * torch.randn(*shape, generator=g, dtype=torch.float64)
        if adv is None:
            adv = torch.randn(*shape, generator=g, dtype=torch.float64)
        old32 = old.to(dtype).double()
        d = away_from_boundary(old32, d, clip_eps) if clip_eps > 0 else d
        new = (old32 + d).to(dtype)
        old, adv = old32.to(dtype), adv.to(dtype)
        tol = _tol(new, old, adv, clip_eps, dtype)
        if how == "default":
            return Case(name, (new, old, adv), **tol, note=note)
        if how == "positional":
            return Case(name, (new, old, adv, clip_eps), **tol, note=note)
        return Case(name, (new, old, adv), {"clip_eps": clip_eps}, **tol, note=note)

    for i in range(10):
        shape = (rint(2, 64),) if i % 2 == 0 else (rint(1, 6), rint(2, 16))
        clip_eps = [0.2, 0.1, 0.3, 0.2, 0.05][i % 5]
        how = ["default", "keyword", "positional", "keyword", "positional"][i % 5]
        cases.append(case(f"typical[{i}]", shape, spread=0.1 + 0.1 * rint(0, 4),
                          clip_eps=clip_eps, how=how))  # fmt: skip

    n = 12
    same = torch.zeros(n, dtype=torch.float64)
    mixed = torch.zeros(n, dtype=torch.float64)
    mixed[::3] = 0.3 * torch.randn(4, generator=g, dtype=torch.float64)
    pos = 0.2 + torch.rand(n, generator=g, dtype=torch.float64)
    cases += [
        case("edge/N=1", (1,), note="a single sample"),
        case("edge/identical_policies", (10,), d=same.clone()[:10],
             note="logp_new == logp_old: ratio = 1 exactly, loss = −mean(A), nothing clipped"),
        case("edge/eps=0_identical", (n,), d=same.clone(), clip_eps=0.0, how="keyword",
             note="ε = 0 and ratio = 1 exactly: |ratio − 1| > ε is false, clip fraction 0"),
        case("edge/eps=0_mixed", (n,), d=mixed, clip_eps=0.0, how="positional",
             note="ε = 0: only the elements whose ratio is not exactly 1 count as clipped"),
        case("edge/positive_adv_ratio_up", (16,), d=0.5 + 0.5 * torch.rand(16, generator=g, dtype=torch.float64),
             adv=pos.repeat(2)[:16], note="A > 0 and ratio > 1 + ε: the clipped term wins"),
        case("edge/negative_adv_ratio_down", (16,), d=-0.5 - 0.5 * torch.rand(16, generator=g, dtype=torch.float64),
             adv=-pos.repeat(2)[:16], note="A < 0 and ratio < 1 − ε: the clipped term wins"),
        case("edge/negative_adv_ratio_up", (16,), d=0.5 + 0.5 * torch.rand(16, generator=g, dtype=torch.float64),
             adv=-pos.repeat(2)[:16], note="A < 0 and ratio > 1 + ε: not clipped (pessimistic bound)"),
        case("edge/zero_advantages", (8,), adv=torch.zeros(8, dtype=torch.float64), spread=0.5,
             note="A = 0: the loss is 0, the clip fraction still counts"),
        case("edge/eps=0.5", (3, 7), spread=0.6, clip_eps=0.5, how="keyword"),
        case("edge/float64", (4, 9), spread=0.4, dtype=torch.float64),
        case("hard/very_negative_logps", (4, 16), old_lo=150.0, old_hi=400.0, spread=0.4,
             note="log-probs of −150 … −400 (long sequences): exp(logp) underflows to 0"),
        case("hard/very_negative_logps_float64", (32,), old_lo=800.0, old_hi=1200.0, spread=0.4,
             dtype=torch.float64, note="log-probs below −745: exp underflows even in float64"),
        case("hard/huge_ratio_negative_adv", (24,), d=20 * torch.rand(24, generator=g, dtype=torch.float64),
             old_lo=25.0, old_hi=30.0, adv=-pos.repeat(2)[:24],
             note="ratios up to e^20 with A < 0: the unclipped term wins"),
        case("hard/huge_ratio_positive_adv", (24,), d=40 * torch.rand(24, generator=g, dtype=torch.float64) - 20,
             old_lo=25.0, old_hi=30.0, adv=pos.repeat(2)[:24],
             note="ratios from e^-20 to e^20 with A > 0"),
    ]  # fmt: skip

    cases.append(case("large/[64, 1024]", (64, 1024), spread=0.3, how="keyword", clip_eps=0.2))
    return cases
