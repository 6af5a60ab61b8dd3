"""Generated cases for `top_p_sampling`: p is chosen so that no row's boundary is ambiguous.

A case is only kept when, in every row, p is well away (`margin`) from the mass before the
boundary token and from the mass after it, and the boundary token is not a near-tie with the
next one: float32 and float64 solutions then agree. Exact ties are built on purpose.
"""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case, hypothesis_examples

EXACT = {"atol": 0.0, "rtol": 0.0}  # kept logits are copied, removed ones are -inf


def _group_masses(probs: torch.Tensor) -> list[float]:
    """Per row: the mass of strictly more likely tokens, for each distinct probability."""
    values = torch.unique(probs)
    return [float(probs[probs > v].sum()) for v in values] + [1.0]


def _safe(logits: torch.Tensor, p: float, margin: float) -> bool:
    probs = torch.softmax(logits.double(), dim=-1)
    for row in probs:
        sorted_p = torch.sort(row, descending=True).values
        before = torch.cumsum(sorted_p, 0) - sorted_p
        k = int((before < p).sum()) - 1  # the last kept sorted position (without ties)
        lo, hi = float(before[k]), float(before[k] + sorted_p[k])
        if not (p - lo > margin and hi - p > margin):
            return False
        if k + 1 < len(sorted_p):
            a, b = float(sorted_p[k]), float(sorted_p[k + 1])
            if a != b and a - b < 1e-4 * a:
                return False  # a near-tie a float32 softmax could merge or swap
    return True


def _pick_p(g, logits, margin=1e-4, lo=0.05, hi=0.95):
    for _ in range(200):
        p = round(lo + (hi - lo) * float(torch.rand(1, generator=g)), 4)
        if _safe(logits, p, margin):
            return p
    raise RuntimeError("no safe p found; change the generator")


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    def logits_like(b, v, scale, dtype=torch.float32):
        return (torch.randn(b, v, generator=g, dtype=torch.float64) * scale).to(dtype)

    for i in range(10):
        b, v = rint(1, 4), [5, 10, 32, 100, 1000][i % 5]
        x = logits_like(b, v, [1.0, 2.0, 4.0][i % 3])
        p = _pick_p(g, x)
        cases.append(Case(f"typical[{i}]", (x, p), **EXACT, note=f"B={b}, V={v}, p={p}"))

    doc = torch.log(torch.tensor([[0.5, 0.3, 0.15, 0.05]]))
    cases.append(Case("edge/task_example", (doc, 0.7), **EXACT, note="keeps 2 tokens"))
    cases.append(Case("edge/crossing_token_kept", (doc, 0.45), **EXACT, note="0.5 crosses 0.45"))
    x = logits_like(3, 50, 3.0)
    cases.append(Case("edge/tiny_p_keeps_top", (x, 1e-4), **EXACT, note="only the argmax"))
    x = logits_like(2, 40, 1.0)
    cases.append(Case("edge/p_near_1", (x, _pick_p(g, x, lo=0.97, hi=0.995)), **EXACT))
    x = torch.tensor([[2.0], [-5.0]])
    cases.append(Case("edge/V=1", (x, 0.5), **EXACT))
    x = logits_like(2, 12, 2.0)
    x[0, ::3] = float("-inf")
    x[1, 1:] = float("-inf")
    cases.append(Case("edge/already_-inf", (x, _pick_p(g, x)), **EXACT, note="masked logits"))
    x = torch.tensor([[3.0, 1.0, 1.0, 1.0, 0.0, -1.0], [0.0, 2.0, 2.0, -1.0, 2.0, 1.0]])
    probs = x.double().softmax(-1)
    p = round(float(probs[0, 0]) + 0.3 * float(probs[0, 1]), 4)
    cases.append(
        Case("edge/tie_group_at_boundary", (x, p), **EXACT, note="tied tokens kept together")
    )
    x = torch.zeros(2, 8)
    cases.append(Case("edge/uniform_row", (x, 0.3), **EXACT, note="all tied: all kept"))
    x = torch.tensor([[0.0, 1.0, 1.0, 1.0]])  # probabilities e/(1+3e) ≈ 0.3, three tied
    cases.append(Case("edge/tie_group_crosses_p", (x, 0.5), **EXACT,
                      note="mass above each tied token is 0 < p: all three kept, not just two"))  # fmt: skip
    x = torch.log(torch.tensor([[0.4, 0.2, 0.2, 0.2]]))
    cases.append(Case("edge/tie_example_from_task", (x, 0.5), **EXACT,
                      note="all four kept; Hugging Face's warper would keep two"))  # fmt: skip
    # The mass before the third token is exactly p in float32 and float64 arithmetic
    # (softmax gives 0.5 and 0.25 exactly) and a little above p in exact arithmetic:
    # removed either way, so only a `<= p` comparison keeps it.
    x = torch.log(torch.tensor([[0.125, 0.5, 0.125, 0.25]], dtype=torch.float64)).float()
    cases.append(Case("edge/mass_before_equals_p", (x, 0.75), **EXACT,
                      note="probabilities 0.5, 0.25, 0.125, 0.125; 0.5 + 0.25 = p: keep 2"))  # fmt: skip
    # float64 logits of 0.5, 0.25, 0.125, 0.125 moved by a few ulps (found by search) so that
    # the float64 mass before the third token is exactly 0.75 (softmax, exp/sum, exp(x - max),
    # log_softmax, numpy) while the exact mass is 0.75 + 1.4e-16: removed either way
    x = torch.tensor([[-0.6931471805599453, -1.38629436111989, -2.079441541679836,
                       -2.0794415416798366]], dtype=torch.float64)  # fmt: skip
    cases.append(Case("edge/mass_before_equals_p_float64", (x, 0.75), **EXACT,
                      note="float64: 0.5 + 0.25 = p exactly: keep 2"))  # fmt: skip
    rows = [logits_like(1, 20, 0.3), logits_like(1, 20, 6.0), logits_like(1, 20, 2.0)]
    x = torch.cat(rows)
    cases.append(
        Case("edge/rows_differ", (x, _pick_p(g, x)), **EXACT, note="flat, peaked, medium rows")
    )
    x = logits_like(3, 64, 2.0, dtype=torch.float64)
    cases.append(Case("edge/float64", (x, _pick_p(g, x)), **EXACT))
    x = logits_like(2, 30, 1.0) + 1000.0
    cases.append(Case("hard/huge_logits", (x, _pick_p(g, x)), **EXACT, note="logits near 1000"))
    x = logits_like(4, 50_000, 3.0)
    cases.append(
        Case("large/B=4,V=50000", (x, _pick_p(g, x, margin=2e-4, lo=0.3, hi=0.95)), **EXACT)
    )

    # hypothesis: tiny integer logits, so exact ties are everywhere
    from hypothesis import strategies as st

    drawn = hypothesis_examples(
        st.tuples(
            st.integers(1, 3),
            st.lists(st.integers(-2, 2), min_size=1, max_size=6),
            st.sampled_from([0.1, 0.3, 0.5, 0.6, 0.75, 0.9]),
        ),
        80,
        seed,
    )  # fmt: skip
    seen = set()
    for rows_n, base, p in drawn:
        x = torch.tensor([base[r:] + base[:r] for r in range(rows_n)], dtype=torch.float32)
        masses = [m for row in x.double().softmax(-1) for m in _group_masses(row)]
        if min(abs(p - m) for m in masses) < 1e-5 or (rows_n, tuple(base), p) in seen:
            continue
        seen.add((rows_n, tuple(base), p))
        cases.append(
            Case(f"property[{len(seen) - 1}]", (x, p), **EXACT, note="integer logits, ties")
        )
        if len(seen) == 24:
            break
    return cases
