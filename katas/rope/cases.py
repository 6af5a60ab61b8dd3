"""Generated cases for `rope`: typical, edge (offsets, gaps, per-batch positions), large, properties."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case, hypothesis_examples

# float32 angles lose about |m|·6e-8 radians, so the tolerance grows with the largest position
F32 = {"atol": 2e-4, "rtol": 1e-4}
F64 = {"atol": 1e-10, "rtol": 1e-9}
FAR = {"atol": 2e-3, "rtol": 1e-3}


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    def randn(*shape, dtype=torch.float32):
        return torch.randn(*shape, generator=g, dtype=torch.float64).to(dtype)

    # typical: batch shapes, sizes, offsets; base given positionally, by keyword or left out
    for i in range(10):
        batch = [(), (rint(1, 3),), (rint(1, 2), rint(1, 4))][i % 3]
        length = rint(2, 12)
        d = [4, 8, 16, 32, 64][i % 5]
        offset = rint(1, 100)
        x = randn(*batch, length, d)
        positions = torch.arange(offset, offset + length)
        if i % 3 == 0:
            cases.append(Case(f"typical[{i}]", (x, positions), **F32, note=f"offset {offset}"))
        elif i % 3 == 1:
            cases.append(Case(f"typical[{i}]", (x, positions, 10000.0), **F32))
        else:
            base = [500.0, 1e6][i % 2]
            cases.append(Case(f"typical[{i}]", (x, positions), {"base": base}, **F32))

    # edge cases
    cases.append(Case("edge/positions_from_0", (randn(3, 6, 16), torch.arange(6)), **F32))
    cases.append(Case("edge/d=2", (randn(2, 5, 2), torch.arange(3, 8)), **F32, note="one pair"))
    cases.append(Case("edge/L=1_decoding_step", (randn(2, 4, 1, 32), torch.tensor([37])), **F32))
    cases.append(
        Case("edge/position_0_is_identity", (randn(4, 1, 8), torch.zeros(1, dtype=torch.int64)),
             **F32)
    )  # fmt: skip
    gaps = torch.sort(torch.randperm(60, generator=g)[:7]).values
    cases.append(Case("edge/non_consecutive", (randn(2, 7, 16), gaps), **F32, note="packed"))
    reverse = torch.arange(9, -1, -1)
    cases.append(Case("edge/descending_positions", (randn(10, 8), reverse), **F32))
    per_batch = torch.stack([torch.arange(5), torch.arange(20, 25), torch.arange(3, 8)])
    cases.append(
        Case("edge/per_batch_positions[B,L]", (randn(3, 5, 8), per_batch), **F32,
             note="positions [3, 5] for x [3, 5, 8]")
    )  # fmt: skip
    cases.append(
        Case("edge/per_batch_positions[B,1,L]", (randn(3, 2, 5, 8), per_batch[:, None, :]),
             **F32, note="positions [3, 1, 5] for x [3, 2, 5, 8]")
    )  # fmt: skip
    cases.append(
        Case("edge/float64", (randn(2, 6, 12, dtype=torch.float64), torch.arange(40, 46)),
             {"base": 100.0}, **F64)
    )  # fmt: skip
    cases.append(
        Case("edge/large_values", (randn(2, 4, 16) * 1e3, torch.arange(4) + 11),
             atol=0.2, rtol=1e-4, note="|x| about 1e3")
    )  # fmt: skip

    # far positions: long contexts
    far = torch.sort(torch.randint(1000, 8192, (6,), generator=g)).values
    cases.append(Case("hard/positions_up_to_8192", (randn(2, 6, 64), far), **FAR))
    far64 = torch.randint(4000, 30000, (5,), generator=g)
    cases.append(
        Case("hard/float64_positions_up_to_30000",
             (randn(5, 32, dtype=torch.float64), far64), atol=1e-9, rtol=1e-8)
    )  # fmt: skip

    # large
    cases.append(
        Case("large/B=2,H=8,L=512,d=128", (randn(2, 8, 512, 128), torch.arange(512)),
             atol=1e-3, rtol=1e-4)
    )  # fmt: skip

    # hypothesis: small shapes, offsets and strides
    from hypothesis import strategies as st

    drawn = hypothesis_examples(
        st.tuples(
            st.integers(1, 6), st.integers(1, 6), st.integers(0, 300), st.integers(1, 4),
            st.sampled_from([10.0, 10000.0, 1e5]),
        ),
        40,
        seed,
    )  # fmt: skip
    for i, (length, half, offset, stride, base) in enumerate(sorted(set(drawn))[:20]):
        x = randn(length, 2 * half)
        positions = offset + stride * torch.arange(length)
        cases.append(
            Case(f"property[{i}]", (x, positions, base), atol=5e-4, rtol=1e-4,
                 note=f"L={length}, d={2 * half}, positions {offset}+{stride}k")
        )  # fmt: skip
    return cases
