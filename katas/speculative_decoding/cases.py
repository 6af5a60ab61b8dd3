"""Generated cases for `speculative_decoding`: the uniforms are chosen, not drawn blindly.

For each case the generator decides how many draft tokens are accepted, then picks the
uniforms so that every acceptance test is clearly away from its boundary (accepted:
u <= 0.95 p/q; rejected: u - p/q >= 0.05 (1 - p/q) with p/q <= 0.97) and the final
inverse-CDF sample lands in the middle 10-90% of a token holding enough of the mass:
float32 and float64 solutions then agree. The boundaries themselves are tested
with exact binary fractions (edge cases), where every way of computing them is exact.
"""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case

EXACT = {"atol": 0.0, "rtol": 0.0}


def invoke(solution, draft_tokens, q, p, u):
    result = solution.speculative_accept(draft_tokens, q, p, u)
    if isinstance(result, torch.Tensor):
        if result.dtype != torch.int64 or result.dim() != 1:
            raise TypeError(
                f"a tensor result must be a 1-D int64 tensor, got {result.dtype} with "
                f"shape {list(result.shape)}"
            )
        return result.tolist()
    if isinstance(result, tuple):
        return result  # reported: expected a list
    return result


def _probs(logits: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    return torch.softmax(logits, dim=-1).to(dtype)


def _final_u(g, weights: torch.Tensor, min_share: float) -> float | None:
    """A u whose sample is a token with at least `min_share` of the mass, mid-interval."""
    w = weights.double()
    total = float(w.sum())
    share = w / total
    ok = torch.nonzero(share >= min_share).flatten()
    if len(ok) == 0:
        return None
    j = int(ok[int(torch.randint(len(ok), (1,), generator=g))])
    before = float(share[:j].sum())
    return before + float(share[j]) * (
        0.1 + 0.8 * float(torch.rand(1, generator=g, dtype=torch.float64))
    )


def _make(g, gamma, vocab, n_accept, dtype, scale=2.0, closeness=1.0, min_share=0.02):
    """(draft_tokens, q, p, u) where exactly n_accept drafts are accepted (n_accept <= gamma)."""
    for _ in range(200):
        base = torch.randn(gamma + 1, vocab, generator=g, dtype=torch.float64) * scale
        noise = torch.randn(gamma + 1, vocab, generator=g, dtype=torch.float64) * scale
        p = _probs(base, dtype)
        q = _probs(base * (1 - closeness) + noise * closeness + base * 0.0, dtype)[:gamma]
        p64, q64 = p.double(), q.double()
        tokens, us = [], []
        ok = True
        for i in range(gamma):
            ratio = p64[i] / q64[i]
            if i == n_accept:  # must be rejected: a token with ratio <= 0.97
                cand = torch.nonzero((ratio <= 0.97) & (q64[i] > 1e-6)).flatten()
            else:
                cand = torch.nonzero(q64[i] > 1e-6).flatten()
            if len(cand) == 0:
                ok = False
                break
            x = int(cand[int(torch.randint(len(cand), (1,), generator=g))])
            r = float(ratio[x])
            t = float(torch.rand(1, generator=g, dtype=torch.float64))
            if i == n_accept:
                us.append(r + (1 - r) * (0.05 + 0.9 * t))
            elif r >= 1:
                us.append(0.999 * t)
            else:
                us.append(r * (0.05 + 0.9 * t))  # accepted (also after a rejection)
            tokens.append(x)
        if not ok:
            continue
        if n_accept < gamma:
            weights = torch.clamp(p64[n_accept] - q64[n_accept], min=0.0)
        else:
            weights = p64[gamma]
        if float(weights.sum()) <= 0:
            continue
        last = _final_u(g, weights, min_share)
        if last is None:
            continue
        u = torch.tensor([*us, last], dtype=torch.float64)
        return torch.tensor(tokens, dtype=torch.int64), q, p, u
    raise RuntimeError("no case found; change the generator")


def _case(name, tokens, q, p, u, dtype=torch.float64, note=""):
    return Case(
        name,
        (
            torch.tensor(tokens, dtype=torch.int64),
            torch.tensor(q, dtype=dtype).reshape(len(tokens), -1),
            torch.tensor(p, dtype=dtype),
            torch.tensor(u, dtype=torch.float64),
        ),
        **EXACT,
        note=note,
    )


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    for i in range(14):
        gamma, vocab = rint(1, 6), [4, 8, 16, 50, 200][i % 5]
        n_accept = [0, gamma, rint(0, gamma)][i % 3]
        dtype = torch.float32 if i % 2 else torch.float64
        args = _make(g, gamma, vocab, n_accept, dtype, closeness=[1.0, 0.5, 0.2][i % 3])
        cases.append(Case(f"typical[{i}]", args, **EXACT,
                          note=f"γ={gamma}, V={vocab}, {n_accept} accepted, {dtype}"))  # fmt: skip

    # boundaries with exact binary fractions
    # (the first draft has p < q and is accepted well inside: a mistake that rejects every
    # p < q differs from one that only gets the boundary wrong)
    cases.append(_case("edge/accept_at_equality", [1, 1], [[0.25, 0.5, 0.25]] * 2,
                       [[0.5, 0.25, 0.25], [0.5, 0.25, 0.25], [0.125, 0.125, 0.75]],
                       [0.125, 0.5, 0.9], note="u = p/q = 0.5 exactly: accepted (≤)"))  # fmt: skip
    cases.append(_case("edge/reject_just_above", [1], [[0.25, 0.5, 0.25]],
                       [[0.5, 0.25, 0.25], [0.125, 0.125, 0.75]], [0.5 + 2**-20, 0.9],
                       note="u just above p/q: rejected"))  # fmt: skip
    cases.append(_case("edge/u_zero_p_zero", [0, 2], [[0.5, 0.25, 0.25], [0.25, 0.25, 0.5]],
                       [[0.25, 0.5, 0.25], [0.5, 0.5, 0.0], [0.25, 0.25, 0.5]], [0.25, 0.0, 0.5],
                       note="p(x) = 0 and u = 0: 0 ≤ 0, accepted"))  # fmt: skip
    cases.append(_case("edge/target_zero_rejects", [2], [[0.25, 0.25, 0.5]],
                       [[0.5, 0.5, 0.0], [0.25, 0.25, 0.5]], [0.25, 0.5],
                       note="p(x) = 0: rejected; residual [0.25, 0.25, 0]"))  # fmt: skip
    # residual at position 0: max(0, p - q) = [0, 0.25, 0.25, 0] (mass 0.5): u = 0.5 is the
    # boundary between tokens 1 and 2 (cdf 0.25 = 0.5 * 0.5): the smallest j with cdf > u·S is 2
    cases.append(_case("edge/cdf_boundary_residual", [0], [[0.75, 0.0, 0.0, 0.25]],
                       [[0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25]], [0.75, 0.5],
                       note="u·S equals a cumulative value: take the next token"))  # fmt: skip
    cases.append(_case("edge/cdf_boundary_bonus", [3], [[0.25, 0.25, 0.25, 0.25]],
                       [[0.0, 0.0, 0.5, 0.5], [0.25, 0.25, 0.5, 0.0]], [0.5, 0.25],
                       note="bonus from p[γ] = [0.25, 0.25, 0.5, 0]: u = 0.25 gives token 1"))  # fmt: skip
    cases.append(_case("edge/u_zero_skips_zero_mass", [0], [[0.5, 0.5, 0.0]],
                       [[0.5, 0.0, 0.5], [0.0, 0.0, 1.0]], [0.75, 0.0],
                       note="u = 0 never picks a zero-probability token"))  # fmt: skip
    cases.append(_case("edge/ratio_above_1", [0, 0], [[0.25, 0.75], [0.5, 0.5]],
                       [[0.5, 0.5], [0.75, 0.25], [0.5, 0.5]], [0.999, 0.999, 0.5],
                       note="p ≥ q: always accepted; bonus token 1"))  # fmt: skip
    cases.append(Case("edge/gamma_0", (torch.zeros(0, dtype=torch.int64),
                                       torch.zeros(0, 5, dtype=torch.float64),
                                       torch.tensor([[0.1, 0.2, 0.3, 0.25, 0.15]],
                                                    dtype=torch.float64),
                                       torch.tensor([0.45], dtype=torch.float64)),
                      **EXACT, note="no draft: one sample from p[0]"))  # fmt: skip
    args = _make(g, 4, 10, 1, torch.float64, closeness=0.5)
    cases.append(Case("edge/reject_then_acceptable", args, **EXACT,
                      note="later drafts would pass; stop at the first rejection"))  # fmt: skip
    args = _make(g, 5, 12, 5, torch.float32, closeness=0.3)
    cases.append(Case("edge/all_accepted_bonus", args, **EXACT, note="γ + 1 tokens"))
    args = _make(g, 3, 12, 0, torch.float32)
    cases.append(Case("edge/first_rejected", args, **EXACT))

    # hard: huge ratios (q tiny), a residual with mass ~1e-9, peaked float32 rows
    q = torch.tensor([[1e-40, 1.0]], dtype=torch.float32)  # subnormal q(x): p/q overflows
    p = torch.tensor([[0.5, 0.5], [0.25, 0.75]], dtype=torch.float32)
    cases.append(Case("hard/ratio_overflows_float32",
                      (torch.tensor([0]), q, p, torch.tensor([0.99, 0.5], dtype=torch.float64)),
                      **EXACT, note="q(x) = 1e-40 (subnormal): p/q is inf in float32"))  # fmt: skip
    base = torch.softmax(torch.randn(1, 64, generator=g, dtype=torch.float64) * 2, -1)
    delta = torch.zeros(1, 64, dtype=torch.float64)
    delta[0, :32], delta[0, 32:] = 1e-11, -1e-11
    p_rows = torch.cat([base + delta, torch.softmax(torch.randn(1, 64, generator=g), -1).double()])
    x = 40  # ratio 1 - ~1e-10 < 1; u between it and 1 rejects
    r = float(p_rows[0, x] / base[0, x])
    last = _final_u(g, torch.clamp(p_rows[0] - base[0], min=0.0), 0.02)
    u = torch.tensor([r + (1 - r) * 0.5, last], dtype=torch.float64)
    cases.append(Case("hard/tiny_residual_mass", (torch.tensor([x]), base, p_rows, u), **EXACT,
                      note="max(0, p - q) has mass 3.2e-10: normalise it"))  # fmt: skip
    args = _make(g, 4, 100, 2, torch.float32, scale=8.0, closeness=0.3)
    cases.append(Case("hard/peaked_float32", args, **EXACT, note="logit scale 8"))
    for name, gamma, vocab, n_acc, dtype in (("large/V=32000,float32", 8, 32000, 5, torch.float32),
                                             ("large/V=50000,float64,all", 6, 50000, 6, torch.float64)):  # fmt: skip
        args = _make(g, gamma, vocab, n_acc, dtype, scale=3.0, closeness=0.3, min_share=0.05)
        cases.append(Case(name, args, **EXACT))
    return cases
