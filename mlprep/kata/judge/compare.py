"""Strict comparison of decoded outputs: exact type, shape and dtype, then values within tolerance.

Runs in the checker process only, on values `codec.decode` built; nothing the
solution defined takes part in it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from mlprep.kata.runner.codec import Array, Scalar

_FLOAT_DTYPES = ("float16", "bfloat16", "float32", "float64")
_INT_DTYPES = ("uint8", "int8", "int16", "int32", "int64")


@dataclass(frozen=True)
class Tolerance:
    atol: float = 1e-6
    rtol: float = 1e-5


@dataclass(frozen=True)
class Mismatch:
    """Why an output is wrong, with figures for tensors (max errors and where)."""

    message: str
    max_abs: float | None = None
    max_rel: float | None = None
    index: tuple[int, ...] | None = None


def kind_of(value: object) -> str:
    """How a decoded value is named in messages."""
    if isinstance(value, Array):
        return value.describe()
    if isinstance(value, Scalar):
        return f"numpy.{value.dtype}"
    return type(value).__name__


def _close(a: float, e: float, tol: Tolerance) -> bool:
    if math.isnan(e):
        return math.isnan(a)
    if math.isinf(e):
        return a == e
    if not math.isfinite(a):
        return False
    return abs(a - e) <= tol.atol + tol.rtol * abs(e)


def _short(x: float) -> str:
    return f"{x:.6g}"


def _compare_arrays(expected: Array, actual: Array, tol: Tolerance, where: str) -> Mismatch | None:
    import numpy as np

    if actual.kind != expected.kind:
        return Mismatch(f"{where}: expected a {expected.describe()}, got a {actual.describe()}")
    if actual.dtype != expected.dtype:
        return Mismatch(
            f"{where}: dtype {actual.dtype}, expected {expected.dtype} "
            f"(shape {list(actual.shape)}, expected {list(expected.shape)})"
        )
    if actual.shape != expected.shape:
        values = ""
        if expected.values.size <= 12 and actual.values.size <= 12:  # small: show both
            values = f" (expected {expected.values.tolist()}, got {actual.values.tolist()})"
        return Mismatch(
            f"{where}: shape {list(actual.shape)}, expected {list(expected.shape)}{values}"
        )
    if expected.values.size == 0:
        return None
    if expected.dtype == "bool" or expected.dtype in _INT_DTYPES:
        wrong = np.argwhere(actual.values != expected.values)
        if wrong.size == 0:
            return None
        index = tuple(int(i) for i in wrong[0])
        return Mismatch(
            f"{where}: {len(wrong)} of {expected.values.size} values differ; first at "
            f"{list(index)}: expected {expected.values[index]!r}, got {actual.values[index]!r}",
            index=index,
        )
    e = expected.values.astype(np.float64)
    a = actual.values.astype(np.float64)
    with np.errstate(invalid="ignore", over="ignore"):
        diff = np.abs(a - e)
        bad_nan = np.isnan(a) != np.isnan(e)
        bad_inf = (np.isinf(a) | np.isinf(e)) & (a != e) & ~np.isnan(a) & ~np.isnan(e)
        diff = np.where(bad_nan | bad_inf, np.inf, np.where(np.isnan(e) & np.isnan(a), 0.0, diff))
        allowed = tol.atol + tol.rtol * np.abs(np.nan_to_num(e, nan=0.0, posinf=0.0, neginf=0.0))
        bad = diff > allowed
        if not bad.any():
            return None
        # relative error is only meaningful where the expected value is not zero
        nonzero = np.abs(e) > 0
        rel = np.where(nonzero, diff / np.where(nonzero, np.abs(e), 1.0), -np.inf)
    worst = np.unravel_index(int(np.argmax(np.where(bad, diff - allowed, -np.inf))), e.shape)
    index = tuple(int(i) for i in worst)
    has_rel = bool((bad & nonzero).any())
    rel_at = np.unravel_index(int(np.argmax(np.where(bad, rel, -np.inf))), e.shape)
    max_abs = float(diff[index])
    max_rel = float(rel[rel_at]) if has_rel else None
    rel_text = (
        f"max rel error {_short(max_rel)} at {[int(i) for i in rel_at]}"
        if max_rel is not None
        else "no rel error (expected values are 0 there)"
    )
    count = int(bad.sum())
    extra = ""
    if bad_nan.any():
        extra = f"; {int(bad_nan.sum())} NaN value(s) where numbers were expected"
    elif bad_inf.any():
        extra = f"; {int(bad_inf.sum())} infinite value(s)"
    message = (
        f"{where}: {count} of {e.size} values outside tolerance (atol={tol.atol:g}, "
        f"rtol={tol.rtol:g}); max abs error {_short(max_abs)} at {list(index)} "
        f"(expected {_short(float(e[index]))}, got {_short(float(a[index]))}), "
        f"{rel_text}; "
        f"{expected.describe()}{extra}"
    )
    return Mismatch(message, max_abs=max_abs, max_rel=max_rel, index=index)


def _as_float(value: object) -> float | None:
    if type(value) is float:
        return value
    if isinstance(value, Scalar) and value.dtype in _FLOAT_DTYPES:
        return float(value.value)
    return None


def _as_int(value: object) -> int | None:
    if type(value) is int:
        return value
    if isinstance(value, Scalar) and value.dtype in _INT_DTYPES:
        return int(value.value)
    return None


def _as_bool(value: object) -> bool | None:
    if type(value) is bool:
        return value
    if isinstance(value, Scalar) and value.dtype == "bool":
        return bool(value.value)
    return None


def compare(
    expected: object, actual: object, tol: Tolerance, where: str = "output"
) -> Mismatch | None:
    """None when `actual` matches `expected`, else the first difference found."""
    if isinstance(expected, Array):
        if not isinstance(actual, Array):
            return Mismatch(f"{where}: expected a {expected.describe()}, got {kind_of(actual)}")
        return _compare_arrays(expected, actual, tol, where)
    if isinstance(expected, Scalar) or type(expected) is float:
        converters: list[Any] = [_as_float]
        exp_f = _as_float(expected)
        if exp_f is None:  # a numpy int or bool scalar
            converters = [_as_int, _as_bool]
            exp_v = _as_int(expected) if _as_int(expected) is not None else _as_bool(expected)
            got = next((c(actual) for c in converters if c(actual) is not None), None)
            if got is None:
                return Mismatch(f"{where}: expected {kind_of(expected)}, got {kind_of(actual)}")
            return None if got == exp_v else Mismatch(f"{where}: expected {exp_v!r}, got {got!r}")
        got_f = _as_float(actual)
        if got_f is None and type(actual) is int:  # `return 0` where 0.0 is meant: same number
            got_f = float(actual)
        if got_f is None:
            return Mismatch(f"{where}: expected a float, got {kind_of(actual)} {_preview(actual)}")
        if _close(got_f, exp_f, tol):
            return None
        err = abs(got_f - exp_f) if math.isfinite(got_f) else math.inf
        return Mismatch(
            f"{where}: expected {exp_f!r}, got {got_f!r} (abs error {_short(err)}; "
            f"tolerance atol={tol.atol:g}, rtol={tol.rtol:g})",
            max_abs=err,
        )
    if type(expected) is bool:
        got_b = _as_bool(actual)
        if got_b is None:
            return Mismatch(f"{where}: expected a bool, got {kind_of(actual)} {_preview(actual)}")
        return None if got_b == expected else Mismatch(f"{where}: expected {expected}, got {got_b}")
    if type(expected) is int:
        got_i = _as_int(actual)
        if got_i is None:
            return Mismatch(f"{where}: expected an int, got {kind_of(actual)} {_preview(actual)}")
        return None if got_i == expected else Mismatch(f"{where}: expected {expected}, got {got_i}")
    if type(expected) in (str, type(None)):
        if type(actual) is not type(expected):
            return Mismatch(f"{where}: expected {kind_of(expected)}, got {kind_of(actual)}")
        return (
            None
            if actual == expected
            else Mismatch(f"{where}: expected {expected!r}, got {_preview(actual)}")
        )
    if isinstance(expected, (list, tuple)):
        if type(actual) is not type(expected):
            return Mismatch(f"{where}: expected a {kind_of(expected)}, got {kind_of(actual)}")
        assert isinstance(actual, (list, tuple))
        if len(actual) != len(expected):
            return Mismatch(f"{where}: length {len(actual)}, expected {len(expected)}")
        for i, (e_item, a_item) in enumerate(zip(expected, actual, strict=False)):
            found = compare(e_item, a_item, tol, f"{where}[{i}]")
            if found is not None:
                return found
        return None
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return Mismatch(f"{where}: expected a dict, got {kind_of(actual)}")
        if set(actual) != set(expected):
            missing = sorted(set(expected) - set(actual))
            extra = sorted(set(actual) - set(expected))
            return Mismatch(f"{where}: missing keys {missing}, unexpected keys {extra}")
        for key in expected:
            found = compare(expected[key], actual[key], tol, f"{where}[{key!r}]")
            if found is not None:
                return found
        return None
    return Mismatch(f"{where}: cannot compare {kind_of(expected)}")


def _preview(value: object) -> str:
    if isinstance(value, Array):
        return ""
    text = repr(value.value) if isinstance(value, Scalar) else repr(value)
    return f"({text[:60]})"


def difference(a: object, b: object) -> float:
    """How far apart two decoded values are: the largest absolute difference of their numbers.

    0 when they are equal, `inf` when their structure or kinds differ (or a NaN sits
    where the other has a number). Used to tell a near miss from a classic mistake.
    """
    if isinstance(a, Array) and isinstance(b, Array):
        if (a.kind, a.dtype, a.shape) != (b.kind, b.dtype, b.shape):
            return math.inf
        if a.values.size == 0:
            return 0.0
        import numpy as np

        x, y = a.values.astype(np.float64), b.values.astype(np.float64)
        with np.errstate(invalid="ignore", over="ignore"):
            same = (x == y) | (np.isnan(x) & np.isnan(y))
            gap = np.where(same, 0.0, np.abs(x - y))
        gap = np.where(np.isnan(gap), np.inf, gap)
        return float(gap.max())
    fa, fb = _as_float(a), _as_float(b)
    if fa is not None and fb is not None:
        if fa == fb or (math.isnan(fa) and math.isnan(fb)):
            return 0.0
        apart = abs(fa - fb)
        return apart if math.isfinite(apart) else math.inf
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        if type(a) is not type(b) or len(a) != len(b):
            return math.inf
        return max((difference(x, y) for x, y in zip(a, b, strict=True)), default=0.0)
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            return math.inf
        return max((difference(a[k], b[k]) for k in a), default=0.0)
    if type(a) is type(b) and a == b:
        return 0.0
    return math.inf


def is_one_bit(value: object) -> bool:
    """Whether a result carries a single bit (a bool): one such failure names no mistake."""
    return type(value) is bool or (isinstance(value, Scalar) and value.dtype == "bool")
