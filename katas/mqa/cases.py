"""Generated cases for `mqa`: GQA/MQA head layouts, causal masks with L <= S, large, property."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case, hypothesis_examples

F32 = {"atol": 1e-5, "rtol": 1e-4}
F64 = {"atol": 1e-10, "rtol": 1e-9}
HARD = {"atol": 2e-3, "rtol": 2e-3}


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    def qkv(b, hq, hkv, length, s, d, dv=None, dtype=torch.float32, scale=1.0):
        dv = d if dv is None else dv
        q = torch.randn(b, hq, length, d, generator=g, dtype=torch.float64) * scale
        k = torch.randn(b, hkv, s, d, generator=g, dtype=torch.float64) * scale
        v = torch.randn(b, hkv, s, dv, generator=g, dtype=torch.float64)
        return q.to(dtype), k.to(dtype), v.to(dtype)

    def add(name, b, hq, hkv, length, s, d, causal, dv=None, tol=F32, **kw):
        q, k, v = qkv(b, hq, hkv, length, s, d, dv, **kw)
        note = f"Hq={hq}, Hkv={hkv}, L={length}, S={s}, causal={causal}"
        cases.append(Case(name, (q, k, v, causal), **tol, note=note))

    heads = [(4, 2), (8, 2), (6, 3), (8, 4), (4, 1), (6, 2), (8, 1), (4, 4)]
    for i in range(12):
        hq, hkv = heads[i % len(heads)]
        s = rint(2, 12)
        causal = i % 2 == 0
        length = rint(1, s) if causal else rint(1, 12)
        d = [8, 16, 32][i % 3]
        dv = d if i % 4 < 2 else [4, 24][i % 2]
        add(f"typical[{i}]", rint(1, 3), hq, hkv, length, s, d, causal, dv)

    add("edge/mqa_causal_L=S", 2, 4, 1, 6, 6, 16, True)
    add("edge/gqa_causal_L=S", 2, 8, 2, 7, 7, 16, True)
    add("edge/decode_step_L=1", 2, 8, 2, 1, 9, 16, True)
    add("edge/chunk_L=3,S=10", 2, 4, 2, 3, 10, 16, True)
    add("edge/chunk_L=5,S=6", 1, 6, 3, 5, 6, 8, True)
    add("edge/mha_Hkv=Hq", 2, 4, 4, 5, 5, 8, True)
    add("edge/cross_attention_L>S", 2, 4, 2, 9, 4, 8, False)
    add("edge/L=S=1", 3, 4, 2, 1, 1, 8, True)
    add("edge/dv!=d", 2, 6, 2, 4, 7, 64, True, dv=3)
    add("edge/float64", 2, 8, 2, 4, 8, 16, True, dtype=torch.float64, tol=F64)
    add("hard/large_logits", 2, 4, 2, 6, 6, 16, True, tol=HARD, scale=8.0)
    add("hard/large_logits_chunk", 2, 4, 1, 3, 8, 16, True, tol=HARD, scale=8.0)
    add("large/B=2,Hq=16,Hkv=4,L=S=256", 2, 16, 4, 256, 256, 64, True,
        tol={"atol": 1e-4, "rtol": 1e-3})  # fmt: skip
    add("large/prefill_chunk_L=64,S=512", 1, 8, 2, 64, 512, 64, True,
        tol={"atol": 1e-4, "rtol": 1e-3})  # fmt: skip

    from hypothesis import strategies as st

    drawn = hypothesis_examples(
        st.tuples(st.integers(1, 3), st.integers(1, 3), st.integers(1, 5), st.integers(0, 4),
                  st.integers(1, 4), st.booleans()),
        40,
        seed,
    )  # fmt: skip
    for i, (hkv, group, s, back, d, causal) in enumerate(sorted(set(drawn))[:16]):
        length = max(1, s - back) if causal else back + 1
        q, k, v = qkv(2, hkv * group, hkv, length, s, d)
        note = f"Hq={hkv * group}, Hkv={hkv}, L={length}, S={s}, d={d}, causal={causal}"
        cases.append(Case(f"property[{i}]", (q, k, v, causal), **F32, note=note))
    return cases
