"""Generated cases for `positional_encoding`: typical, edge, hypothesis-drawn sizes and large."""

from __future__ import annotations

import random

from mlprep.kata.casekit import Case, hypothesis_examples, smallest_first


def _tol(max_len: int) -> dict[str, float]:
    """float32 angles pos·ω lose about 1e-7 relative: the absolute error grows with pos."""
    return {"atol": max(2e-5, 5e-7 * max_len), "rtol": 1e-5}


def _case(name: str, max_len: int, d_model: int, note: str = "") -> Case:
    return Case(name, (max_len, d_model), **_tol(max_len), note=note)


def generate(seed: int) -> list[Case]:
    rng = random.Random(seed)
    cases: list[Case] = []

    for i in range(10):
        max_len = rng.randint(2, 100)
        d_model = rng.choice([4, 6, 8, 12, 16, 32, 64, 128])
        cases.append(_case(f"typical[{i}]", max_len, d_model))

    cases += [
        _case(
            "edge/seed_example", 30, 512, note="get_sinusoid_encoding_table(30, 512) in the seed"
        ),
        _case("edge/max_len_1", 1, 8, note="only position 0: sin 0 = 0, cos 0 = 1"),
        _case("edge/d_model_2", 16, 2, note="a single sin/cos pair with frequency 1"),
        _case("edge/max_len_0", 0, 16, note="an empty [0, 16] table"),
        _case("edge/d_model_ne_max_len", 5, 40),
    ]

    from hypothesis import strategies as st

    sizes = hypothesis_examples(
        st.tuples(st.integers(1, 64), st.integers(1, 48).map(lambda k: 2 * k)), 20, seed
    )
    unique = smallest_first(sorted(set(sizes)), lambda s: s[0] * s[1])[:12]
    for i, (max_len, d_model) in enumerate(unique):
        cases.append(_case(f"property[{i}]", max_len, d_model))

    cases += [
        _case("large/max_len=2048,d_model=512", 2048, 512, note="positions up to 2047"),
        _case("large/max_len=5000,d_model=64", 5000, 64, note="a PyTorch tutorial's max_len"),
    ]
    return cases
