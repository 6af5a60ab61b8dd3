"""Element by element with the math module (float64 Python floats), rebuilt as a tensor."""

from __future__ import annotations

import math

import torch

_C = math.sqrt(2.0 / math.pi)


def _exact(v: float) -> float:
    return 0.5 * v * math.erfc(-v / math.sqrt(2.0))


def _tanh(v: float) -> float:
    if abs(v) > 1e100:  # v**3 would overflow a Python float; tanh is ±1 long before
        return v if v > 0 else -0.0
    return 0.5 * v * (1.0 + math.tanh(_C * (v + 0.044715 * v**3)))


def gelu(x, approximate="none"):
    if approximate not in {"none", "tanh"}:
        raise ValueError(f"unknown approximate={approximate!r}")
    f = _exact if approximate == "none" else _tanh
    values = [f(v) for v in x.reshape(-1).tolist()]
    return torch.tensor(values, dtype=x.dtype).reshape(x.shape)
