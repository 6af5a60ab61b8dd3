"""Generated cases for `softmax_cross_entropy`: typical, ignored targets, huge logits, large."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case, hypothesis_examples, smallest_first

F32 = {"atol": 1e-5, "rtol": 1e-5}
F64 = {"atol": 1e-12, "rtol": 1e-12}
# logits around ±1000 in float32: log-sum-exp minus the target logit loses about 1e-4
HUGE = {"atol": 5e-4, "rtol": 1e-5}


def _logits(g, n, c, scale=1.0, dtype=torch.float32):
    return (scale * torch.randn(n, c, generator=g, dtype=torch.float64)).to(dtype)


def _target(g, n, c, ignore_frac=0.0, ignore_index=-100):
    t = torch.randint(0, c, (n,), generator=g)
    if ignore_frac > 0:
        t = torch.where(torch.rand(n, generator=g) < ignore_frac, torch.tensor(ignore_index), t)
    return t


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    for i in range(10):
        n, c = rint(2, 16), rint(2, 10)
        logits = _logits(g, n, c, scale=1.0 + rint(0, 3))
        kwargs = {}
        if i % 3 == 0:
            target = _target(g, n, c)
        elif i % 3 == 1:
            target = _target(g, n, c, 0.3)
            target[0] = -100  # at least one ignored target
            target[1] = rint(0, c - 1)  # and at least one kept
        else:
            ignore = rint(0, c - 1)
            target = _target(g, n, c, 0.3, ignore)
            target[0] = ignore
            target[1] = (ignore + 1) % c
            kwargs["ignore_index"] = ignore
        cases.append(Case(f"typical[{i}]", (logits, target), kwargs, **F32))

    t = torch.tensor([0, 3, 1, -100, 2, 3])
    cases += [
        Case("edge/N=1", (_logits(g, 1, 5), torch.tensor([2])), **F32),
        Case("edge/C=1", (_logits(g, 4, 1), torch.zeros(4, dtype=torch.int64)), **F32,
             note="a single class: every loss is 0"),
        Case("edge/last_class", (_logits(g, 5, 7), torch.full((5,), 6)), **F32,
             note="every target is class C-1"),
        Case("edge/class_0", (_logits(g, 5, 7), torch.zeros(5, dtype=torch.int64)), **F32),
        Case("edge/all_ignored", (_logits(g, 3, 4), torch.full((3,), -100)), **F32,
             note="no target left: nan, like F.cross_entropy"),
        Case("edge/N=0", (_logits(g, 0, 4), torch.zeros(0, dtype=torch.int64)), **F32,
             note="an empty batch: nan"),
        Case("edge/ignore_index=0", (_logits(g, 6, 4), torch.tensor([0, 1, 0, 2, 3, 0])),
             {"ignore_index": 0}, **F32, note="class 0 is the padding class"),
        Case("edge/ignore_index_positional", (_logits(g, 6, 4), torch.tensor([3, 1, 3, 2, 0, 1]), 3),
             **F32, note="ignore_index=3 given positionally"),
        Case("edge/float64", (_logits(g, 6, 5, 2.0, torch.float64), t),
             **F64),
        Case("edge/uniform_logits", (torch.zeros(4, 8), torch.tensor([1, 5, 7, 0])), **F32,
             note="loss = log 8"),
        Case("hard/huge_logits", (_logits(g, 8, 6, 1000.0), _target(g, 8, 6)), **HUGE,
             note="logits ±1000: exp overflows unless the row max is subtracted"),
        Case("hard/huge_negative_logits", (-1000.0 + _logits(g, 6, 5), _target(g, 6, 5)), **HUGE,
             note="logits around -1000: exp underflows to 0 everywhere"),
        Case("hard/confidently_wrong",
             (torch.tensor([[0.0, 200.0, 0.0], [150.0, 0.0, -50.0], [3.0, 1.0, 2.0]]),
              torch.tensor([0, 2, 2])), atol=1e-4, rtol=1e-5,
             note="the target's probability underflows: softmax then log gives inf"),
        Case("hard/huge_logits_ignored", (_logits(g, 8, 4, 500.0), _target(g, 8, 4, 0.4)),
             **HUGE, note="logits ±500 with ignored targets"),
    ]  # fmt: skip

    from hypothesis import strategies as st

    drawn = hypothesis_examples(
        st.integers(2, 6).flatmap(
            lambda c: st.tuples(
                st.just(c), st.lists(st.integers(-1, c - 1), min_size=1, max_size=6)
            )
        ),
        20,
        seed,
    )
    unique = smallest_first(sorted({(c, tuple(t)) for c, t in drawn}), lambda d: len(d[1]))[:8]
    for i, (c, targets) in enumerate(unique):
        target = torch.tensor([-100 if t < 0 else t for t in targets])
        cases.append(
            Case(f"property[{i}]", (_logits(g, len(targets), c, 3.0), target), **F32,
                 note="-100 marks an ignored target")
        )  # fmt: skip

    n, c = 2048, 512
    target = _target(g, n, c, 0.1)
    cases.append(Case("large/N=2048,C=512", (_logits(g, n, c, 4.0), target), atol=1e-4, rtol=1e-5))
    return cases
