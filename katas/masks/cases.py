"""Generated cases for `masks`: each case checks one of the two functions.

A case's inputs are `(function_name, *arguments)`; `invoke` calls that function
of the solution, so a report names the function that failed.
"""

from __future__ import annotations

import random

import torch

from mlprep.kata.casekit import Case, hypothesis_examples, smallest_first

FUNCTIONS = ("padding_mask", "causal_mask")


def invoke(solution, function, *args):
    if function not in FUNCTIONS:
        raise ValueError(f"unknown function {function!r}")
    fn = getattr(solution, function, None)
    if not callable(fn):
        raise AttributeError(f"the solution does not define {function}()")
    return fn(*args)


def _padding(name: str, lengths: list[int], max_len: int, dtype=torch.int64, note: str = ""):
    return Case(name, ("padding_mask", torch.tensor(lengths, dtype=dtype), max_len), note=note)


def _causal(name: str, size: int, note: str = ""):
    return Case(name, ("causal_mask", size), note=note)


def generate(seed: int) -> list[Case]:
    rng = random.Random(seed)
    cases: list[Case] = []

    for i in range(6):
        max_len = rng.randint(3, 20)
        lengths = [rng.randint(1, max_len) for _ in range(rng.randint(1, 6))]
        cases.append(_padding(f"padding/typical[{i}]", lengths, max_len))
    cases += [
        _padding("padding/seed_example", [4, 5], 5, note="'ich mochte ein bier P' and a full row"),
        _padding("padding/length_0", [0, 3, 0], 4, note="a sequence with no real token"),
        _padding("padding/all_full", [6, 6, 6], 6),
        _padding("padding/batch_1", [2], 7),
        _padding("padding/max_len_1", [1, 0, 1], 1),
        _padding("padding/int32_lengths", [3, 1, 5, 2], 6, dtype=torch.int32),
    ]

    for i, size in enumerate(sorted(rng.sample(range(2, 40), 5))):
        cases.append(_causal(f"causal/typical[{i}]", size))
    cases += [
        _causal("causal/size_1", 1, note="a single position attends to itself"),
        _causal("causal/size_2", 2),
        _causal("causal/size_0", 0, note="an empty [0, 0] mask"),
    ]

    from hypothesis import strategies as st

    drawn = hypothesis_examples(
        st.integers(1, 16).flatmap(
            lambda n: st.tuples(st.just(n), st.lists(st.integers(0, n), min_size=1, max_size=5))
        ),
        20,
        seed,
    )
    unique = smallest_first(sorted({(n, tuple(ls)) for n, ls in drawn}), lambda d: d[0] * len(d[1]))
    for i, (max_len, lengths) in enumerate(unique[:10]):
        cases.append(_padding(f"padding/property[{i}]", list(lengths), max_len))

    big = [rng.randint(0, 1024) for _ in range(256)]
    big[0], big[1] = 0, 1024
    cases.append(_padding("padding/large/B=256,max_len=1024", big, 1024))
    cases.append(_causal("causal/large/size=1024", 1024))
    return cases
