"""Generated cases for `attention`: typical, edge, numerically hard and large."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case

F32 = {"atol": 1e-5, "rtol": 1e-4}
F64 = {"atol": 1e-10, "rtol": 1e-9}
HARD = {"atol": 2e-3, "rtol": 2e-3}


def _mask(g: torch.Generator, shape: tuple[int, ...], p: float = 0.6) -> torch.Tensor:
    """A random bool mask where every query row keeps at least one key."""
    mask = torch.rand(shape, generator=g) < p
    lk = shape[-1]
    keep = torch.randint(0, lk, shape[:-1], generator=g)
    return mask | torch.nn.functional.one_hot(keep, lk).bool()


def _qkv(g, batch, lq, lk, dk, dv, dtype=torch.float32, scale=1.0):
    q = torch.randn(*batch, lq, dk, generator=g, dtype=torch.float64) * scale
    k = torch.randn(*batch, lk, dk, generator=g, dtype=torch.float64) * scale
    v = torch.randn(*batch, lk, dv, generator=g, dtype=torch.float64)
    return q.to(dtype), k.to(dtype), v.to(dtype)


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    # typical: random batch shapes, sizes, with and without masks of several broadcast shapes
    for i in range(12):
        batch = [(), (rint(1, 3),), (rint(1, 3), rint(1, 4))][i % 3]
        lq, lk = rint(2, 12), rint(2, 12)
        dk = [4, 8, 16, 32][rint(0, 3)]
        dv = dk if i % 2 else [3, 5, 8, 24][rint(0, 3)]
        q, k, v = _qkv(g, batch, lq, lk, dk, dv)
        kwargs = {}
        if i % 4 == 1:
            kwargs["mask"] = _mask(g, (*batch, lq, lk))
        elif i % 4 == 2:
            kwargs["mask"] = _mask(g, (lq, lk))  # broadcast over the batch
        elif i % 4 == 3 and batch:
            pad = (
                _mask(g, (*batch[:-1], 1, 1, lk), 0.7)
                if len(batch) > 1
                else _mask(g, (batch[0], 1, lk), 0.7)
            )
            kwargs["mask"] = pad  # a key-padding mask broadcast over the queries
        cases.append(Case(f"typical[{i}]", (q, k, v), kwargs, **F32))

    # edge cases
    q, k, v = _qkv(g, (2,), 1, 7, 8, 8)
    cases.append(Case("edge/single_query", (q, k, v), {}, **F32))
    q, k, v = _qkv(g, (2,), 5, 1, 8, 8)
    cases.append(Case("edge/single_key", (q, k, v), {}, **F32))
    q, k, v = _qkv(g, (2, 3), 6, 6, 16, 16)
    allowed = torch.zeros(6, 6, dtype=torch.bool)
    allowed[torch.arange(6), torch.randint(0, 6, (6,), generator=g)] = True
    cases.append(Case("edge/one_allowed_key_per_row", (q, k, v), {"mask": allowed}, **F32))
    q, k, v = _qkv(g, (2,), 5, 9, 64, 3)
    cases.append(Case("edge/dv_ne_dk", (q, k, v), {}, **F32, note="d_k=64, d_v=3"))
    q, k, v = _qkv(g, (3,), 8, 8, 16, 16)
    causal = torch.tril(torch.ones(8, 8, dtype=torch.bool))
    cases.append(Case("edge/causal_mask", (q, k, v), {"mask": causal}, **F32))
    q, k, v = _qkv(g, (2,), 4, 6, 32, 8)
    cases.append(Case("edge/mask_positional", (q, k, v, _mask(g, (2, 4, 6))), {}, **F32))
    q, k, v = _qkv(g, (), 7, 5, 16, 4, dtype=torch.float64)
    cases.append(Case("edge/float64", (q, k, v), {"mask": _mask(g, (7, 5))}, **F64))
    q, k, v = _qkv(g, (2,), 3, 3, 8, 8)
    cases.append(
        Case("edge/all_true_mask", (q, k, v), {"mask": torch.ones(3, 3, dtype=torch.bool)}, **F32)
    )

    # numerically hard cases
    q, k, v = _qkv(g, (2,), 6, 6, 16, 8, scale=12.0)
    cases.append(Case("hard/large_logits", (q, k, v), {}, **HARD, note="scores up to about 1e3"))
    q, k, v = _qkv(g, (2,), 6, 6, 16, 8, scale=12.0)
    cases.append(
        Case(
            "hard/large_logits_masked",
            (q, k, v),
            {"mask": _mask(g, (6, 6))},
            **HARD,
            note="scores up to about 1e3",
        )
    )
    q, k, v = _qkv(g, (2,), 5, 7, 8, 4)
    k = k[..., :1, :].expand_as(k).clone() + 1e-4 * k  # nearly identical keys: near-uniform weights
    cases.append(Case("hard/near_constant_rows", (q, k, v), {}, **F32))
    q, k, v = _qkv(g, (1,), 4, 4, 8, 8, dtype=torch.float64, scale=30.0)
    cases.append(Case("hard/float64_large_logits", (q, k, v), {}, **F64))

    # large cases
    q, k, v = _qkv(g, (2,), 512, 512, 64, 64)
    cases.append(Case("large/L=512", (q, k, v), {"mask": _mask(g, (512, 512), 0.5)}, **HARD))
    q, k, v = _qkv(g, (2, 8), 128, 256, 32, 48)
    cases.append(Case("large/B=2,H=8,L=128x256", (q, k, v), {}, atol=1e-4, rtol=1e-3))
    return cases


def bench_inputs(size: int, seed: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """`--bench`: q, k, v for 4 heads of sequence length L = `size` and d = 64 (CPU tensors)."""
    g = torch.Generator().manual_seed(seed * 1_000_003 + size)
    return _qkv(g, (4,), size, size, 64, 64)
