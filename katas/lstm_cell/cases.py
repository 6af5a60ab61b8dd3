"""Generated cases for `lstm_cell`: typical, edge, saturated gates, long memory, large."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case

# pre-activations are sums of I + H ≤ 512 float32 products of size ~1: about 1e-6 off;
# h is in (-1, 1) and c is O(1) to O(10), so 1e-5 absolute, 1e-4 relative is ~10x margin
F32 = {"atol": 1e-5, "rtol": 1e-4}
F64 = {"atol": 1e-12, "rtol": 1e-10}
# pre-activations of ±50: float32 rounds them by ~1e-5 where the gates are not yet saturated
HARD = {"atol": 1e-4, "rtol": 1e-4}


def invoke(solution, *args, **kwargs):
    """A tuple or a list of the two tensors is accepted; anything else is compared as is."""
    out = solution.lstm_cell(*args, **kwargs)
    if type(out) is list and len(out) == 2:
        return tuple(out)
    return out


def _inputs(g, b, n_in, n_hid, *, dtype=torch.float32, scale=1.0, c_scale=1.0, bias=True):
    def rnd(*shape, s=1.0):
        return torch.randn(*shape, generator=g, dtype=torch.float64) * s

    bound = n_hid**-0.5  # nn.LSTMCell's init range
    x = rnd(b, n_in, s=scale)
    h = torch.tanh(rnd(b, n_hid, s=scale))
    c = rnd(b, n_hid, s=c_scale)
    w_ih = (torch.rand(4 * n_hid, n_in, generator=g, dtype=torch.float64) * 2 - 1) * bound * 2
    w_hh = (torch.rand(4 * n_hid, n_hid, generator=g, dtype=torch.float64) * 2 - 1) * bound * 2
    args = [x, h, c, w_ih, w_hh]
    if bias:
        args += [rnd(4 * n_hid, s=0.5), rnd(4 * n_hid, s=0.5)]
    return tuple(t.to(dtype) for t in args)


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    for i in range(10):
        b, n_in, n_hid = rint(1, 5), rint(2, 24), rint(2, 24)
        args = _inputs(g, b, n_in, n_hid, c_scale=0.5 + rint(0, 3))
        note = f"B={b}, I={n_in}, H={n_hid}"
        if i % 3 == 2:  # biases by keyword
            cases.append(Case(f"typical[{i}]", args[:5], {"b_ih": args[5], "b_hh": args[6]},
                              **F32, note=note + ", biases by keyword"))  # fmt: skip
        else:
            cases.append(Case(f"typical[{i}]", args, **F32, note=note))

    def add(name, args, kwargs=None, tol=F32, note=""):
        cases.append(Case(name, args, kwargs or {}, **tol, note=note))

    add("edge/H=1", _inputs(g, 3, 5, 1), note="hidden size 1: each gate is one column")
    add("edge/I=1", _inputs(g, 3, 1, 6), note="input size 1")
    add("edge/batch_1", _inputs(g, 1, 7, 5))
    add("edge/no_bias", _inputs(g, 4, 6, 5, bias=False), note="bias=False: b_ih = b_hh = None")
    x, h, c, w_ih, w_hh, b_ih, b_hh = _inputs(g, 3, 6, 4)
    add("edge/zero_state", (x, torch.zeros_like(h), torch.zeros_like(c), w_ih, w_hh, b_ih, b_hh),
        note="h = c = 0 (the first step)")  # fmt: skip
    x, h, c, w_ih, w_hh, b_ih, b_hh = _inputs(g, 3, 6, 4)
    add(
        "edge/I=4H",
        _inputs(g, 2, 12, 3),
        note="I = 4H = 12: the weight layout must be used as [4H, I]",
    )
    only = torch.zeros_like(b_ih)
    only[4:8] = 20.0  # forget gate pinned open, the others get the usual pre-activations
    add("edge/forget_bias_open", (x, h, c, w_ih, w_hh, b_ih + only, b_hh),
        note="forget-gate bias +20: c_new ≈ c + i·g")  # fmt: skip
    add("edge/float64", _inputs(g, 3, 8, 6, dtype=torch.float64, c_scale=2.0), tol=F64)

    add("hard/saturated_gates", _inputs(g, 4, 16, 8, scale=8.0), tol=HARD,
        note="pre-activations of ±50: sigmoid and tanh saturate")  # fmt: skip
    add("hard/long_memory", _inputs(g, 4, 8, 8, c_scale=50.0), tol=HARD,
        note="|c| up to ~150: tanh(c_new) is ±1, c_new keeps its size")  # fmt: skip
    add("hard/float64_saturated", _inputs(g, 2, 8, 4, dtype=torch.float64, scale=30.0), tol=F64)

    add("large/B=64,I=256,H=256", _inputs(g, 64, 256, 256), tol={"atol": 2e-5, "rtol": 1e-4})
    return cases
