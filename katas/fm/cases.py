"""Generated cases for `fm`: one-hot and dense features, edge shapes, large n (O(k·n²) times out)."""

from __future__ import annotations

import numpy as np

from mlprep.kata.casekit import Case

TOL = {"atol": 1e-9, "rtol": 1e-9}


def _params(rng: np.random.Generator, n: int, k: int, scale: float = 0.3):
    return float(rng.normal()), rng.normal(size=n), rng.normal(scale=scale, size=(n, k))


def _one_hot(rng: np.random.Generator, b: int, fields: list[int]) -> np.ndarray:
    """Categorical fields, one active value per field (the usual CTR input)."""
    x = np.zeros((b, sum(fields)))
    start = 0
    for size in fields:
        x[np.arange(b), start + rng.integers(0, size, b)] = 1.0
        start += size
    return x


def generate(seed: int) -> list[Case]:
    rng = np.random.default_rng(seed)
    # First, with a tight limit: pair loops (O(k·n²)) take many seconds here, the O(k·n)
    # identity a few milliseconds
    w0, w, V = _params(rng, 5000, 16, scale=0.05)
    cases: list[Case] = [
        Case("large/n=5000,k=16", (rng.normal(size=(4, 5000)), w0, w, V), atol=1e-7, rtol=1e-9,
             timeout=0.3, note="O(k·n²) pair loops time out")
    ]  # fmt: skip

    for i in range(12):
        b, n, k = int(rng.integers(1, 6)), int(rng.integers(2, 30)), int(rng.integers(1, 9))
        if i % 3 == 0:
            fields = [int(rng.integers(2, 6)) for _ in range(int(rng.integers(2, 5)))]
            x = _one_hot(rng, b, fields)
            n = x.shape[1]
            note = "one-hot fields"
        elif i % 3 == 1:
            x = rng.normal(size=(b, n))
            note = "dense real features"
        else:
            x = _one_hot(rng, b, [n])
            x = np.concatenate([x, rng.uniform(0, 3, size=(b, 3))], axis=1)
            n = x.shape[1]
            note = "one-hot plus numeric"
        cases.append(Case(f"typical[{i}]", (x, *_params(rng, n, k)), **TOL, note=note))

    w0, w, V = _params(rng, 1, 3)
    cases.append(Case("edge/n=1_no_pairs", (np.array([[2.0], [-1.5]]), w0, w, V), **TOL,
                      note="one feature: no pair, only the diagonal cancels"))  # fmt: skip
    w0, w, V = _params(rng, 2, 1)
    cases.append(Case("edge/n=2,k=1", (np.array([[3.0, -2.0]]), w0, w, V), **TOL,
                      note="interaction = V_0·V_1·x_0·x_1 = -6·V_0·V_1"))  # fmt: skip
    w0, w, V = _params(rng, 5, 4)
    cases.append(Case("edge/zero_input", (np.zeros((3, 5)), w0, w, V), **TOL, note="ŷ = w0"))
    cases.append(Case("edge/single_active", (np.eye(5), w0, w, V), **TOL,
                      note="one non-zero feature: no interaction"))  # fmt: skip
    cases.append(Case("edge/non_binary_values", (np.array([[2.0, 3.0, 0.5, -1.0, 4.0]]),
                                                 w0, w, V), **TOL,
                      note="x_i ≠ x_i² here"))  # fmt: skip
    w0, w, V = _params(rng, 6, 2)
    cases.append(Case("edge/zero_factors", (rng.normal(size=(2, 6)), w0, w, np.zeros((6, 2))),
                      **TOL, note="V = 0: a linear model"))  # fmt: skip
    w0, w, V = _params(rng, 8, 3, scale=5.0)
    cases.append(Case("hard/large_values", (rng.normal(scale=50.0, size=(3, 8)), w0, w, V),
                      atol=1e-6, rtol=1e-9, note="big |x|, |V|: cancellation in the identity"))  # fmt: skip

    n, k = 20_000, 16
    w0, w, V = _params(rng, n, k, scale=0.05)
    x = rng.normal(size=(4, n))
    cases.append(Case("large/n=20000,k=16", (x, w0, w, V), atol=1e-7, rtol=1e-9, timeout=1.0,
                      note="O(k·n²) pair loops time out"))  # fmt: skip
    x = _one_hot(rng, 64, [n // 4] * 4)
    cases.append(Case("large/B=64,one_hot,n=20000", (x, w0, w, V), **TOL, timeout=1.0))
    return cases
