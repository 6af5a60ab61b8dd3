"""Generated cases for `batch_norm`: train and eval modes, momentum values, small batches, large."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case, hypothesis_examples, smallest_first

F32 = {"atol": 1e-5, "rtol": 1e-4}
F64 = {"atol": 1e-10, "rtol": 1e-9}


def _inputs(g, n, c, dtype=torch.float32, spread=1.0):
    """x is drawn away from the running statistics, so batch and running statistics differ."""
    d = torch.float64
    shift = 2.0 * torch.randn(c, generator=g, dtype=d)
    x = shift + spread * (0.5 + torch.rand(c, generator=g, dtype=d)) * torch.randn(
        n, c, generator=g, dtype=d
    )
    running_mean = 0.5 * torch.randn(c, generator=g, dtype=d)
    running_var = 0.5 + torch.rand(c, generator=g, dtype=d)
    weight = 1.0 + 0.5 * torch.randn(c, generator=g, dtype=d)
    bias = 0.5 * torch.randn(c, generator=g, dtype=d)
    return tuple(t.to(dtype) for t in (x, running_mean, running_var, weight, bias))


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    momenta = [0.1, 0.01, 0.3, 0.9, 0.2]
    for i in range(12):
        training = i % 3 != 2
        n, c = rint(2, 8), rint(1, 12)
        args = _inputs(g, n, c)
        kwargs = {}
        if i % 4 == 1:
            kwargs["momentum"] = momenta[i % len(momenta)]
        if i % 4 == 3:
            kwargs["eps"] = 1e-3
        mode = "train" if training else "eval"
        cases.append(Case(f"{mode}/typical[{i}]", (*args, training), kwargs, **F32))

    cases += [
        Case("train/N=2", (*_inputs(g, 2, 5), True), **F32, note="unbiased = 2 × biased"),
        Case("train/momentum=0.3_positional", (*_inputs(g, 4, 3), True, 0.3, 1e-5), **F32),
        Case("train/momentum=0", (*_inputs(g, 5, 4), True), {"momentum": 0.0}, **F32,
             note="the running statistics stay as they are"),
        Case("train/momentum=1", (*_inputs(g, 5, 4), True), {"momentum": 1.0}, **F32,
             note="the running statistics become the batch's"),
        Case("eval/N=1", (*_inputs(g, 1, 6), False), **F32, note="eval works on a single sample"),
        Case("eval/momentum_ignored", (*_inputs(g, 3, 4), False), {"momentum": 0.3}, **F32),
        Case("train/float64", (*_inputs(g, 6, 5, torch.float64), True), {"momentum": 0.2}, **F64),
        Case("eval/float64", (*_inputs(g, 6, 5, torch.float64), False), **F64),
    ]  # fmt: skip
    x, rm, rv, w, b = _inputs(g, 4, 5)
    x[:, 2] = 1.5  # a channel that is constant over the batch: variance 0
    cases.append(
        Case("train/constant_channel", (x, rm, rv, w, b, True), **F32, note="column 2 is constant")
    )

    from hypothesis import strategies as st

    drawn = hypothesis_examples(
        st.tuples(st.integers(2, 6), st.integers(1, 6), st.booleans(),
                  st.sampled_from([0.05, 0.1, 0.25, 0.75])),
        20,
        seed,
    )  # fmt: skip
    unique = smallest_first(sorted(set(drawn)), lambda s: s[0] * s[1])[:8]
    for i, (n, c, training, momentum) in enumerate(unique):
        cases.append(
            Case(
                f"property[{i}]",
                (*_inputs(g, n, c), training),
                {"momentum": momentum},
                **F32,
                note=f"N={n}, C={c}, {'train' if training else 'eval'}, momentum={momentum}",
            )
        )

    cases.append(Case("train/large N=4096,C=256", (*_inputs(g, 4096, 256), True),
                      atol=5e-5, rtol=1e-4))  # fmt: skip
    cases.append(Case("eval/large N=4096,C=256", (*_inputs(g, 4096, 256), False), **F32))
    return cases
