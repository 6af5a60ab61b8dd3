"""Generated cases for `dropout`: train and eval, many p, edge p = 0 and p = 1, large.

A torch.Generator cannot travel as a case input, so a case carries the
generator's seed and `invoke` builds a fresh `torch.Generator().manual_seed(seed)`
for each call: the reference and the solution draw the same numbers.
"""

from __future__ import annotations

import random

import torch

from mlprep.kata.casekit import Case, hypothesis_examples, smallest_first

TOL = {"atol": 1e-6, "rtol": 1e-5}
F64 = {"atol": 1e-12, "rtol": 1e-12}


def invoke(solution, x, p, training, generator_seed):
    generator = torch.Generator().manual_seed(generator_seed)
    return solution.dropout(x, p, training, generator)


def generate(seed: int) -> list[Case]:
    rng = random.Random(seed)
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def x_of(*shape, dtype=torch.float32):
        return torch.randn(*shape, generator=g, dtype=torch.float64).to(dtype)

    def case(name, x, p, training, note=""):
        gen_seed = rng.randrange(2**31)
        return Case(name, (x, p, training, gen_seed), **TOL, note=note)

    ps = [0.1, 0.25, 0.3, 0.5, 0.75, 0.9, 0.2, 0.6]
    for i in range(12):
        shape = [(rng.randint(1, 9),), (rng.randint(2, 6), rng.randint(2, 8)),
                 (rng.randint(1, 3), rng.randint(2, 5), rng.randint(2, 6))][i % 3]  # fmt: skip
        training = i % 4 != 3
        mode = "train" if training else "eval"
        cases.append(case(f"{mode}/typical[{i}]", x_of(*shape), ps[i % len(ps)], training))

    x64 = x_of(4, 6, dtype=torch.float64)
    cases += [
        case("train/p=0", x_of(5, 7), 0.0, True, note="nothing is dropped: the output is x"),
        case("train/p=1", x_of(5, 7), 1.0, True, note="everything is dropped: all zeros"),
        case("eval/p=1", x_of(3, 4), 1.0, False, note="eval ignores p: the output is x"),
        case("eval/p=0.5", x_of(6, 6), 0.5, False),
        Case("train/float64", (x64, 0.4, True, rng.randrange(2**31)), **F64,
             note="the mask still comes from a float32 torch.rand"),
        case("train/0-dim", torch.tensor(1.5), 0.3, True, note="a scalar tensor"),
        case("train/empty", torch.zeros(0, 5), 0.5, True, note="shape [0, 5]"),
        case("train/int_like_values", torch.arange(12.0).reshape(3, 4), 0.25, True),
    ]  # fmt: skip

    # p equal to one of the uniforms drawn (a float32 value, so exact as a Python float):
    # `rand >= p` keeps that element, `rand > p` drops it
    gen_seed = rng.randrange(2**31)
    x = x_of(8, 8)
    u = torch.rand(x.shape, generator=torch.Generator().manual_seed(gen_seed))
    p_tie = float(u.flatten()[(u.flatten() - 0.3).abs().argmin()])
    cases.append(Case("train/uniform_equals_p", (x, p_tie, True, gen_seed), **TOL,
                      note=f"p = {p_tie!r} is exactly one of the drawn uniforms: kept"))  # fmt: skip

    from hypothesis import strategies as st

    drawn = hypothesis_examples(
        st.tuples(
            st.lists(st.integers(1, 6), min_size=1, max_size=3),
            st.floats(0.0, 0.95, allow_nan=False),
            st.booleans(),
        ),
        20,
        seed,
    )
    drawn = smallest_first(drawn, lambda d: len(d[0]) * sum(d[0]))
    for i, (shape, p, training) in enumerate(drawn[:8]):
        cases.append(case(f"property[{i}]", x_of(*shape), round(p, 3), training,
                          note=f"p={round(p, 3)}, {'train' if training else 'eval'}"))  # fmt: skip

    cases.append(case("train/large [1024, 1024]", x_of(1024, 1024), 0.1, True))
    return cases
