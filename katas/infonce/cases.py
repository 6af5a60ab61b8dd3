"""Generated cases for `infonce`: typical, edge, small temperatures, large, hypothesis properties."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case, hypothesis_examples

F32 = {"atol": 1e-5, "rtol": 1e-4}
F64 = {"atol": 1e-10, "rtol": 1e-9}
HARD = {"atol": 1e-3, "rtol": 1e-3}


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    def randn(*shape, dtype=torch.float32):
        return torch.randn(*shape, generator=g, dtype=torch.float64).to(dtype)

    def pair(n, d, noise=0.5, dtype=torch.float32):
        """Queries and keys that are noisy views of each other, rows of very different lengths."""
        base = torch.randn(n, d, generator=g, dtype=torch.float64)
        q = base + noise * torch.randn(n, d, generator=g, dtype=torch.float64)
        k = base + noise * torch.randn(n, d, generator=g, dtype=torch.float64)
        q = q * torch.exp(torch.randn(n, 1, generator=g, dtype=torch.float64))
        k = k * torch.exp(torch.randn(n, 1, generator=g, dtype=torch.float64))
        return q.to(dtype), k.to(dtype)

    temps = [0.05, 0.07, 0.1, 0.2, 0.5, 0.3]
    for i in range(10):
        n, d = rint(2, 16), [4, 8, 16, 32, 128][i % 5]
        q, k = pair(n, d, noise=[0.3, 1.0, 3.0][i % 3])
        tau = temps[i % len(temps)]
        cases.append(Case(f"typical[{i}]", (q, k, tau), **F32, note=f"N={n}, d={d}, τ={tau}"))

    q, k = pair(1, 8)
    cases.append(Case("edge/N=1", (q, k, 0.1), **F32, note="one query, no negatives: loss 0"))
    q, k = pair(2, 3)
    cases.append(Case("edge/N=2", (q, k, 0.2), **F32))
    q, k = pair(6, 1)
    cases.append(Case("edge/d=1", (q, k, 0.5), **F32, note="cosines are ±1"))
    q, k = pair(8, 16)
    cases.append(Case("edge/temperature=1", (q, k, 1.0), **F32))
    q, k = pair(8, 16)
    cases.append(Case("edge/temperature=5", (q, k, 5.0), **F32))
    q = randn(5, 8)
    k = randn(5, 8)
    cases.append(Case("edge/unrelated_keys", (q, k, 0.1), **F32))
    q, k = pair(7, 12)
    scales = torch.tensor([1e-3, 1e3, 1.0, 50.0, 0.02, 7.0, 1e2])[:, None]
    cases.append(
        Case("edge/rows_of_very_different_norms", (q * scales, k * scales.flip(0), 0.1), **F32)
    )
    q, k = pair(6, 10, dtype=torch.float64)
    cases.append(Case("edge/float64", (q, k, 0.07), **F64))

    # numerically hard: logits up to 1/τ = 100 (float32 exp overflows at 88.7)
    q, k = pair(8, 32, noise=0.05)
    cases.append(Case("hard/temperature=0.01", (q, k, 0.01), **HARD, note="logits up to 100"))
    common = randn(1, 64)
    q = common + 0.05 * randn(16, 64)
    k = common + 0.05 * randn(16, 64)
    cases.append(
        Case("hard/temperature=0.01_hard_negatives", (q, k, 0.01), **HARD,
             note="every cosine near 1: logits all near 100, loss far from 0")
    )  # fmt: skip
    common = randn(1, 16, dtype=torch.float64)
    q = common + 0.01 * randn(6, 16, dtype=torch.float64)
    k = common + 0.01 * randn(6, 16, dtype=torch.float64)
    cases.append(
        Case("hard/float64_temperature=0.001", (q, k, 0.001), atol=1e-7, rtol=1e-7,
             note="logits up to 1000: exp overflows even in float64")
    )  # fmt: skip

    # the largest case the task states: an [N, N, d] float32 broadcast (cosine similarity of
    # every pair) is 512·512·128·4 bytes = 128 MiB, well under the 1024 MiB cap even with
    # two or three such temporaries
    q, k = pair(512, 128, noise=1.0)
    cases.append(Case("large/N=512,d=128", (q, k, 0.07), atol=1e-4, rtol=1e-4))

    # hypothesis: tiny integer-valued inputs (ties in similarity, repeated rows)
    from hypothesis import strategies as st

    row = st.lists(st.integers(-3, 3), min_size=3, max_size=3).filter(any)
    drawn = hypothesis_examples(
        st.tuples(st.lists(st.tuples(row, row), min_size=1, max_size=5),
                  st.sampled_from([0.1, 0.25, 0.5, 2.0])),
        40,
        seed,
    )  # fmt: skip
    seen = set()
    for rows, tau in drawn:
        key = (tuple((tuple(a), tuple(b)) for a, b in rows), tau)
        if key in seen:
            continue
        seen.add(key)
        q = torch.tensor([a for a, _ in rows], dtype=torch.float32)
        k = torch.tensor([b for _, b in rows], dtype=torch.float32)
        name = f"property[{len(seen) - 1}]"
        cases.append(Case(name, (q, k, tau), **F32, note=f"N={len(rows)}, d=3, τ={tau}"))
        if len(seen) == 20:
            break
    return cases
