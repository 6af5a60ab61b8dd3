"""A pickle-free encoding of kata inputs and outputs as JSON-able trees.

The sandboxed process encodes what a solution returned with `encode`; the
checker decodes it with `decode` into plain Python values and `Array`s
(numpy arrays plus the tensor's dtype and kind). Only exact types are encoded:
a subclass of `float`, a proxy object or a `torch.Tensor` subclass is rejected,
so nothing the solution built ever runs in the checker.

This module imports neither torch nor numpy at import time; `encode` uses torch
only when it is already loaded in the process, `decode` needs numpy.
"""

from __future__ import annotations

import base64
import importlib
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

Encoded = dict[str, Any]

# numpy lacks these dtypes: such tensors travel as float32 values and keep their name.
_WIDENED = {"bfloat16": "float32"}
_NUMERIC_DTYPES = {
    "bool", "uint8", "int8", "int16", "int32", "int64",
    "float16", "bfloat16", "float32", "float64",
}  # fmt: skip
MAX_DEPTH = 32


class EncodeError(Exception):
    """A value that cannot be sent: not one of the exact types a kata may return."""


def type_name(value: object) -> str:
    cls = type(value)
    module = cls.__module__
    return cls.__qualname__ if module in ("builtins", "") else f"{module}.{cls.__qualname__}"


@dataclass(frozen=True)
class Array:
    """A decoded tensor (`kind` "tensor") or numpy array (`kind` "ndarray")."""

    kind: str
    dtype: str
    shape: tuple[int, ...]
    values: np.ndarray[Any, Any]

    def describe(self) -> str:
        prefix = "tensor" if self.kind == "tensor" else "ndarray"
        return f"{prefix} {self.dtype}{list(self.shape)}"


@dataclass(frozen=True)
class Scalar:
    """A decoded numpy scalar (np.float64, np.bool_, ...)."""

    dtype: str
    value: bool | int | float


# the real libraries, kept before a kata's bans put stand-ins in `sys.modules` (the solution
# may not use torch; the encoder still must)
_pinned: dict[str, Any] = {}


def pin_libraries() -> None:
    """Remember the loaded torch and numpy for encoding, whatever happens to `sys.modules`."""
    for name in ("torch", "numpy"):
        if name in sys.modules:
            _pinned[name] = sys.modules[name]


def _lib(name: str) -> Any:
    return _pinned.get(name) or sys.modules.get(name)


# -- encoding (runs where the value was made) ------------------------------------------------


def _encode_array_bytes(arr: Any) -> str:
    return base64.b64encode(arr.tobytes()).decode("ascii")


def _encode_tensor(value: Any) -> Encoded:
    torch = _lib("torch")
    dtype = str(value.dtype).removeprefix("torch.")
    if dtype not in _NUMERIC_DTYPES:
        raise EncodeError(f"a tensor of dtype {value.dtype} (only real dtypes are checked)")
    if value.layout != torch.strided:
        raise EncodeError(f"a {value.layout} tensor; return a dense tensor")
    plain = torch.Tensor.detach(value).to("cpu")
    if dtype in _WIDENED:
        plain = plain.to(torch.float32)
    arr = plain.contiguous().numpy()
    return {
        "t": "tensor",
        "dtype": dtype,
        "shape": list(value.shape),
        "data": _encode_array_bytes(arr),
    }


def _numpy_scalar_types() -> dict[type, str]:
    np = _lib("numpy")
    if np is None:
        return {}
    names = ["bool_", "int8", "int16", "int32", "int64", "uint8", "float16", "float32", "float64"]
    return {getattr(np, n): str(np.dtype(getattr(np, n)).name) for n in names}


def encode(value: object, _depth: int = 0) -> Encoded:
    """Encode `value` exactly; raise `EncodeError` naming the offending type."""
    if _depth > MAX_DEPTH:
        raise EncodeError("a structure nested too deeply")
    cls = type(value)
    if value is None:
        return {"t": "none"}
    if cls is bool:
        return {"t": "bool", "v": value}
    if cls is int:
        return {"t": "int", "v": value}
    if cls is float:
        return {"t": "float", "v": value}
    if cls is str:
        return {"t": "str", "v": value}
    if cls is list or cls is tuple:
        items = [encode(item, _depth + 1) for item in value]  # type: ignore[attr-defined]
        return {"t": cls.__name__, "v": items}
    if cls is dict:
        out: dict[str, Encoded] = {}
        for key, item in value.items():  # type: ignore[attr-defined]
            if type(key) is not str:
                raise EncodeError(f"a dict with a {type_name(key)} key")
            out[key] = encode(item, _depth + 1)
        return {"t": "dict", "v": out}
    torch = _lib("torch")
    if torch is not None and cls is torch.Tensor:
        return _encode_tensor(value)
    np = _lib("numpy")
    if np is not None:
        if cls is np.ndarray:
            dtype = str(value.dtype)  # type: ignore[attr-defined]
            if dtype not in _NUMERIC_DTYPES:
                raise EncodeError(f"a numpy array of dtype {dtype}")
            return {
                "t": "ndarray",
                "dtype": dtype,
                "shape": list(value.shape),  # type: ignore[attr-defined]
                "data": _encode_array_bytes(np.ascontiguousarray(value)),
            }
        scalars = _numpy_scalar_types()
        if cls in scalars:
            return {"t": "npscalar", "dtype": scalars[cls], "v": value.item()}  # type: ignore[attr-defined]
    if torch is not None and isinstance(value, torch.Tensor):
        raise EncodeError(f"{type_name(value)} (a torch.Tensor subclass; return a plain tensor)")
    raise EncodeError(type_name(value))


# -- decoding (runs in the checker: builds only plain values and numpy arrays) ----------------


class DecodeError(Exception):
    """Malformed data: the other process did not speak the protocol."""


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise DecodeError(what)


def _decode_array(data: Encoded, kind: str) -> Array:
    import numpy as np

    dtype = data.get("dtype")
    shape = data.get("shape")
    raw = data.get("data")
    _check(isinstance(dtype, str) and dtype in _NUMERIC_DTYPES, "bad dtype")
    _check(isinstance(shape, list) and all(type(n) is int and n >= 0 for n in shape), "bad shape")
    _check(isinstance(raw, str), "bad data")
    assert isinstance(dtype, str) and isinstance(shape, list) and isinstance(raw, str)
    storage = np.dtype(_WIDENED.get(dtype, dtype))
    try:
        buf = base64.b64decode(raw.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as error:
        raise DecodeError("bad base64 data") from error
    count = 1
    for n in shape:
        count *= n
    _check(len(buf) == count * storage.itemsize, "data size does not match the shape")
    values = np.frombuffer(buf, dtype=storage).reshape(shape).copy()
    return Array(kind=kind, dtype=dtype, shape=tuple(shape), values=values)


def decode(data: object, _depth: int = 0) -> object:
    """Rebuild a value from `encode`'s output; raise `DecodeError` on anything else."""
    _check(_depth <= MAX_DEPTH + 1, "nested too deeply")
    _check(isinstance(data, dict) and isinstance(data.get("t"), str), "not an encoded value")
    assert isinstance(data, dict)
    tag = data["t"]
    value = data.get("v")
    if tag == "none":
        return None
    if tag == "bool":
        _check(type(value) is bool, "bad bool")
        return value
    if tag == "int":
        _check(type(value) is int, "bad int")
        return value
    if tag == "float":
        _check(type(value) in (float, int), "bad float")
        return float(value)  # type: ignore[arg-type]
    if tag == "str":
        _check(type(value) is str, "bad str")
        return value
    if tag in ("list", "tuple"):
        _check(type(value) is list, "bad sequence")
        items = [decode(item, _depth + 1) for item in value]  # type: ignore[union-attr]
        return items if tag == "list" else tuple(items)
    if tag == "dict":
        _check(type(value) is dict, "bad dict")
        return {str(k): decode(v, _depth + 1) for k, v in value.items()}  # type: ignore[union-attr]
    if tag in ("tensor", "ndarray"):
        return _decode_array(data, tag)
    if tag == "npscalar":
        dtype = data.get("dtype")
        _check(isinstance(dtype, str) and dtype in _NUMERIC_DTYPES, "bad scalar dtype")
        _check(type(value) in (bool, int, float), "bad scalar")
        return Scalar(dtype=str(dtype), value=value)  # type: ignore[arg-type]
    raise DecodeError(f"unknown tag {tag!r}")


def to_runtime(data: Encoded) -> object:
    """Rebuild real objects (tensors, arrays) from an encoded tree; used inside kata processes."""
    tag = data["t"]
    if tag in ("tensor", "ndarray"):
        arr = _decode_array(data, tag)
        if tag == "ndarray":
            return arr.values
        torch = _lib("torch") or importlib.import_module("torch")
        tensor = torch.from_numpy(arr.values.copy())
        if arr.dtype in _WIDENED:
            tensor = tensor.to(getattr(torch, arr.dtype))
        return tensor
    if tag == "npscalar":
        import numpy as np

        return np.dtype(data["dtype"]).type(data["v"])
    if tag in ("list", "tuple"):
        items = [to_runtime(item) for item in data["v"]]
        return items if tag == "list" else tuple(items)
    if tag == "dict":
        return {k: to_runtime(v) for k, v in data["v"].items()}
    return decode(data)


def describe(data: Encoded, limit: int = 60) -> str:
    """A short human description of an encoded value (for case reports)."""
    tag = data.get("t")
    if tag in ("tensor", "ndarray"):
        return f"{data.get('dtype')}{data.get('shape')}"
    if tag == "str":
        text = repr(data.get("v"))
        return text if len(text) <= limit else f"{text[: limit - 12]}...' (len {len(data['v'])})"
    if tag in ("list", "tuple"):
        items = data.get("v") or []
        shown = ", ".join(describe(i, 12) for i in items[:8])
        more = f", ... ({len(items)} items)" if len(items) > 8 else ""
        open_, close = ("[", "]") if tag == "list" else ("(", ")")
        return f"{open_}{shown}{more}{close}"
    if tag == "dict":
        return "{" + ", ".join(f"{k}: {describe(v, 20)}" for k, v in data["v"].items()) + "}"
    if tag == "npscalar":
        return f"np.{data.get('dtype')}({data.get('v')!r})"
    if tag == "none":
        return "None"
    return repr(data.get("v"))
