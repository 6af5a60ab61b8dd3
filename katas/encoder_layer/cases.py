"""Generated cases for `encoder_layer`: typical, edge, numerically hard and large."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case

# Post-norm outputs are O(1) (times LayerNorm's weight): a float32 layer accumulates
# about sqrt(d_ff)·eps32 relative error per matmul, and the LayerNorm divides by the
# row's spread; 5e-5 leaves a margin of over 10x over what correct float32 code shows.
F32 = {"atol": 5e-5, "rtol": 5e-5}
F64 = {"atol": 1e-10, "rtol": 1e-9}
# scores of several hundred: float32 rounds them by about 1e-5, which moves the peaked
# softmax weights by about that much
HARD = {"atol": 1e-3, "rtol": 1e-3}
LINEARS = ("q_proj", "k_proj", "v_proj", "out_proj", "linear1", "linear2")


def _params(g, d_model, d_ff, dtype=torch.float32, qk_scale=1.0):
    shapes = {
        "q_proj": (d_model, d_model),
        "k_proj": (d_model, d_model),
        "v_proj": (d_model, d_model),
        "out_proj": (d_model, d_model),
        "linear1": (d_ff, d_model),
        "linear2": (d_model, d_ff),
    }
    p: dict[str, torch.Tensor] = {}
    for name, (out, inp) in shapes.items():
        bound = inp**-0.5 * (qk_scale if name in ("q_proj", "k_proj") else 1.0)
        w = (torch.rand(out, inp, generator=g, dtype=torch.float64) * 2 - 1) * bound
        b = (torch.rand(out, generator=g, dtype=torch.float64) * 2 - 1) * inp**-0.5
        p[f"{name}.weight"], p[f"{name}.bias"] = w.to(dtype), b.to(dtype)
    for name in ("norm1", "norm2"):
        w = 1.0 + 0.3 * torch.randn(d_model, generator=g, dtype=torch.float64)
        b = 0.2 * torch.randn(d_model, generator=g, dtype=torch.float64)
        p[f"{name}.weight"], p[f"{name}.bias"] = w.to(dtype), b.to(dtype)
    return p


def _padding(g, b, length, p=0.35):
    """A [B, L] bool mask, True = padding; every row keeps at least one real token."""
    mask = torch.rand(b, length, generator=g) < p
    keep = torch.randint(0, length, (b,), generator=g)
    mask[torch.arange(b), keep] = False
    return mask


def _case(g, name, b, length, d_model, heads, d_ff, *, pad=False, dtype=torch.float32,
          scale=1.0, qk_scale=1.0, eps=None, tol=F32, note=""):  # fmt: skip
    x = (torch.randn(b, length, d_model, generator=g, dtype=torch.float64) * scale).to(dtype)
    params = _params(g, d_model, d_ff, dtype, qk_scale)
    args: tuple = (x, params, heads)
    kwargs = {}
    if pad:
        kwargs["key_padding_mask"] = _padding(g, b, length)
    if eps is not None:
        kwargs["eps"] = eps
    note = note or f"d_model={d_model}, heads={heads}, d_ff={d_ff}"
    return Case(name, args, kwargs, **tol, note=note)


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    shapes = [(8, 2, 32), (16, 4, 64), (32, 8, 48), (24, 3, 96), (16, 2, 16), (32, 4, 128)]
    for i in range(10):
        d_model, heads, d_ff = shapes[i % len(shapes)]
        cases.append(
            _case(g, f"typical[{i}]", rint(1, 3), rint(2, 9), d_model, heads, d_ff, pad=i % 2 == 1)
        )

    cases += [
        _case(g, "edge/one_head", 2, 6, 16, 1, 32, note="num_heads=1"),
        _case(g, "edge/head_size_1", 2, 5, 8, 8, 16, note="d_head=1"),
        _case(g, "edge/length_1", 3, 1, 16, 4, 32, note="L=1: each token attends only to itself"),
        _case(g, "edge/batch_1", 1, 7, 32, 4, 64, pad=True),
        _case(g, "edge/d_ff_smaller", 2, 5, 32, 4, 8, note="d_ff=8 < d_model=32"),
        _case(g, "edge/eps_large", 2, 6, 16, 2, 32, eps=0.5, note="eps=0.5"),
        _case(g, "edge/float64", 2, 6, 16, 4, 40, pad=True, dtype=torch.float64, tol=F64),
    ]
    x_case = _case(g, "edge/mask_positional", 2, 6, 16, 2, 32)
    mask = _padding(g, 2, 6, 0.5)
    cases.append(Case("edge/mask_positional", (*x_case.args, mask), **F32, note="mask as 4th arg"))
    b, length = 3, 8
    only = torch.ones(b, length, dtype=torch.bool)
    only[torch.arange(b), torch.randint(0, length, (b,), generator=g)] = False
    c = _case(g, "edge/one_real_token", b, length, 16, 4, 32)
    cases.append(Case("edge/one_real_token", c.args, {"key_padding_mask": only}, **F32,
                      note="all keys but one are padding in every row"))  # fmt: skip
    c = _case(g, "edge/no_padding_mask_all_false", 2, 6, 16, 4, 32)
    cases.append(Case("edge/all_false_mask", c.args,
                      {"key_padding_mask": torch.zeros(2, 6, dtype=torch.bool)}, **F32,
                      note="no position is padding"))  # fmt: skip

    cases += [
        _case(g, "hard/large_logits", 2, 8, 32, 4, 64, pad=True, scale=4.0, qk_scale=4.0,
              tol=HARD, note="attention scores of several hundred: subtract the row max"),
        _case(g, "hard/large_inputs", 2, 6, 16, 2, 32, scale=30.0, tol=HARD,
              note="x of about ±30: scores in the thousands, the residual dominates, LayerNorm brings it back"),
        _case(g, "hard/float64_large_logits", 2, 6, 16, 2, 32, dtype=torch.float64,
              scale=6.0, qk_scale=6.0, tol=F64),
    ]  # fmt: skip
    cases.append(
        _case(g, "large/B=2,L=128,d=64,H=8", 2, 128, 64, 8, 256, pad=True,
              tol={"atol": 2e-4, "rtol": 2e-4})
    )  # fmt: skip
    return cases
