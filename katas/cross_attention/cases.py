"""Generated cases for `cross_attention`: typical, edge, numerically hard and large."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case

# outputs are O(1): float32 matmuls over d_model ≤ 64 keys ≤ 512 err by a few 1e-7
F32 = {"atol": 2e-5, "rtol": 1e-4}
F64 = {"atol": 1e-10, "rtol": 1e-9}
# scores of several hundred: float32 rounds them by about 1e-5, the weights move as much
HARD = {"atol": 1e-3, "rtol": 1e-3}


def _params(g, d_model, d_mem, dtype=torch.float32, qk_scale=1.0):
    p: dict[str, torch.Tensor] = {}
    for name, inp in (("q_proj", d_model), ("k_proj", d_mem), ("v_proj", d_mem),
                      ("out_proj", d_model)):  # fmt: skip
        bound = inp**-0.5 * (qk_scale if name in ("q_proj", "k_proj") else 1.0)
        w = (torch.rand(d_model, inp, generator=g, dtype=torch.float64) * 2 - 1) * bound
        b = (torch.rand(d_model, generator=g, dtype=torch.float64) * 2 - 1) * inp**-0.5
        p[f"{name}.weight"], p[f"{name}.bias"] = w.to(dtype), b.to(dtype)
    return p


def _padding(g, b, lk, p=0.4):
    """[B, Lk] bool, True = padding; every row keeps at least one real key."""
    mask = torch.rand(b, lk, generator=g) < p
    keep = torch.randint(0, lk, (b,), generator=g)
    mask[torch.arange(b), keep] = False
    return mask


def _inputs(g, b, lq, lk, d_model, d_mem, heads, dtype=torch.float32, scale=1.0, qk_scale=1.0):
    x = (torch.randn(b, lq, d_model, generator=g, dtype=torch.float64) * scale).to(dtype)
    memory = (torch.randn(b, lk, d_mem, generator=g, dtype=torch.float64) * scale).to(dtype)
    return x, memory, _params(g, d_model, d_mem, dtype, qk_scale), heads


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    shapes = [(8, 2), (16, 4), (32, 8), (24, 3), (16, 2), (32, 4)]
    for i in range(10):
        d_model, heads = shapes[i % len(shapes)]
        d_mem = d_model if i % 3 else [12, 20, 40][rint(0, 2)]
        b, lq = rint(1, 3), rint(2, 8)
        lk = lq + rint(1, 6)  # Lk ≠ Lq
        args = _inputs(g, b, lq, lk, d_model, d_mem, heads)
        kwargs = {"key_padding_mask": _padding(g, b, lk)} if i % 2 else {}
        note = f"Lq={lq}, Lk={lk}, d_model={d_model}, d_mem={d_mem}, heads={heads}"
        cases.append(Case(f"typical[{i}]", args, kwargs, **F32, note=note))

    def add(name, args, kwargs=None, tol=F32, note=""):
        cases.append(Case(name, args, kwargs or {}, **tol, note=note))

    args = _inputs(g, 2, 5, 5, 16, 16, 4)
    add("edge/Lq==Lk", args, {"key_padding_mask": _padding(g, 2, 5)}, note="same lengths")
    add("edge/Lq>Lk", _inputs(g, 2, 9, 3, 16, 16, 2), note="Lq=9, Lk=3")
    add("edge/single_query", _inputs(g, 3, 1, 7, 16, 16, 4), note="Lq=1")
    add("edge/single_key", _inputs(g, 2, 4, 1, 16, 16, 4), note="Lk=1: every weight is 1")
    add("edge/one_head", _inputs(g, 2, 3, 6, 16, 16, 1), note="num_heads=1")
    add("edge/head_size_1", _inputs(g, 2, 3, 6, 8, 8, 8), note="d_head=1")
    add("edge/d_mem!=d_model", _inputs(g, 2, 4, 6, 16, 40, 4), note="memory has 40 features")
    b, lk = 3, 8
    only = torch.ones(b, lk, dtype=torch.bool)
    only[torch.arange(b), torch.randint(0, lk, (b,), generator=g)] = False
    add("edge/one_real_key", _inputs(g, b, 5, lk, 16, 16, 4), {"key_padding_mask": only},
        note="all keys but one are padding")  # fmt: skip
    add("edge/all_false_mask", _inputs(g, 2, 4, 6, 16, 16, 2),
        {"key_padding_mask": torch.zeros(2, 6, dtype=torch.bool)}, note="no padding")  # fmt: skip
    rows = torch.zeros(2, 7, dtype=torch.bool)
    rows[0, 3:] = True  # first row: 3 real keys, second: 7
    add("edge/mask_positional", (*_inputs(g, 2, 4, 7, 16, 16, 4), rows), note="mask as 5th arg")
    add("edge/float64", _inputs(g, 2, 4, 6, 16, 24, 4, dtype=torch.float64),
        {"key_padding_mask": _padding(g, 2, 6)}, tol=F64)  # fmt: skip

    args = _inputs(g, 2, 6, 9, 32, 32, 4, scale=4.0, qk_scale=4.0)
    add("hard/large_logits", args, {"key_padding_mask": _padding(g, 2, 9)}, tol=HARD,
        note="scores of several hundred: subtract the row max")  # fmt: skip
    x, memory, params, heads = _inputs(g, 2, 5, 8, 16, 16, 2)
    mask = _padding(g, 2, 8, 0.5)
    memory = memory.clone()
    memory[mask] *= 50.0  # padded keys would dominate if the mask were ignored or misapplied
    add("hard/loud_padding", (x, memory, params, heads), {"key_padding_mask": mask},
        note="padded memory rows are 50x larger than real ones")  # fmt: skip
    add("hard/float64_large_logits", _inputs(g, 2, 4, 6, 16, 16, 2, dtype=torch.float64,
        scale=6.0, qk_scale=6.0), tol=F64)  # fmt: skip

    args = _inputs(g, 2, 128, 384, 64, 64, 8)
    add("large/B=2,Lq=128,Lk=384,d=64,H=8", args, {"key_padding_mask": _padding(g, 2, 384)},
        tol={"atol": 5e-5, "rtol": 2e-4})  # fmt: skip
    return cases


def bench_inputs(size: int, seed: int) -> tuple:
    """`--bench`: Lq = Lk = `size`, B = 2, d_model = 64, 4 heads, no mask (CPU tensors)."""
    g = torch.Generator().manual_seed(seed * 1_000_003 + size)
    return _inputs(g, 2, size, size, 64, 64, 4)
