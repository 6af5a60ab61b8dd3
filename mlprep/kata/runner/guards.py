"""Banned APIs at run time: every use of a function, method or module a kata forbids is caught.

The static scan (`static.banned_uses`) names a banned API written in the source;
these guards catch the uses it cannot see (`importlib.import_module("fn" + "match")`,
`getattr(list, "so" + "rt")`, `builtins.__dict__[...]`). A banned function is
replaced everywhere a loaded module references it; a built-in method is patched
in its type; a banned module (and its C accelerator) is replaced in `sys.modules`
by a stand-in that records any use, and refused at import if not loaded yet.
Every use is recorded in `hits`, which the checker reads per case: catching the
exception does not hide it.
"""

from __future__ import annotations

import ctypes
import gc
import importlib
import importlib.abc
import sys
import types
from collections.abc import Callable
from typing import Any


class BannedAPIError(RuntimeError):
    """Raised when a solution calls an API its kata does not allow."""


def _guard_function(display: str, hits: list[str]) -> Callable[..., Any]:
    message = f"{display} is not allowed in this kata"

    def banned(*_args: Any, **_kwargs: Any) -> Any:
        hits.append(display)
        raise BannedAPIError(message)

    banned.__name__ = display.rsplit(".", 1)[-1]
    return banned


def _guard_class(display: str, hits: list[str]) -> type:
    message = f"{display} is not allowed in this kata"

    def new(cls: type, *_args: Any, **_kwargs: Any) -> Any:
        hits.append(display)
        raise BannedAPIError(message)

    def init_subclass(cls: type, /, **_kwargs: Any) -> None:
        hits.append(display)
        raise BannedAPIError(message)

    return type(
        display.rsplit(".", 1)[-1],
        (),
        {"__new__": new, "__init_subclass__": classmethod(init_subclass)},
    )


class _BannedModule(types.ModuleType):
    """Stands in for a banned module in `sys.modules`: importing it works, using it does not."""

    _display: str
    _hits: list[str]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        hits: list[str] = object.__getattribute__(self, "_hits")
        display: str = object.__getattribute__(self, "_display")
        hits.append(display)
        raise BannedAPIError(f"{display} is not allowed in this kata")


class _BannedFinder(importlib.abc.MetaPathFinder):
    """Refuses to import banned modules that were not loaded yet."""

    def __init__(self, banned: dict[str, str], hits: list[str]) -> None:
        self.banned = banned
        self.hits = hits

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> None:
        display = _banned_display(self.banned, fullname)
        if display is not None:
            self.hits.append(display)
            raise BannedAPIError(f"{display} is not allowed in this kata")


def _banned_display(banned: dict[str, str], name: str) -> str | None:
    for module, display in banned.items():
        if name == module or name.startswith(module + "."):
            return display
    return None


def _ban_modules(modules: dict[str, str], hits: list[str]) -> None:
    # a stdlib module's C accelerator (`_heapq`, `_bisect`) is the same thing under another name
    names = dict(modules)
    names.update({f"_{m}": d for m, d in modules.items() if "." not in m})
    if "re" in modules:
        names.update({"_sre": modules["re"], "sre_compile": modules["re"]})
    for name in list(sys.modules):
        display = _banned_display(names, name)
        if display is not None:
            stand_in = _BannedModule(name)
            stand_in._display = display
            stand_in._hits = hits
            stand_in.__spec__ = None
            sys.modules[name] = stand_in
    sys.meta_path.insert(0, _BannedFinder(names, hits))


def _set_type_attribute(owner: type, name: str, value: object) -> None:
    """Replace a method of a built-in type (`list.sort`), which `setattr` refuses."""
    try:
        setattr(owner, name, value)
        return
    except TypeError:
        pass
    namespace = gc.get_referents(owner.__dict__)[0]
    namespace[name] = value
    ctypes.pythonapi.PyType_Modified(ctypes.py_object(owner))


def _resolve(api: str) -> tuple[object, str, object] | None:
    """(owner, attribute, value) for a dotted API, importing the longest module prefix."""
    parts = api.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            owner: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for part in parts[cut:-1]:
                owner = getattr(owner, part)
            return owner, parts[-1], getattr(owner, parts[-1])
        except AttributeError:
            return None
    return None


def install_banned_guards(banned: list[dict[str, str]], hits: list[str]) -> None:
    """Guard every banned API and module, wherever a reference to it is held."""
    modules = {
        item["module"]: item.get("display") or item["module"]
        for item in banned
        if item.get("module")
    }
    guards: dict[int, tuple[object, object]] = {}  # id of the original -> (original, its guard)
    for item in banned:
        api = item.get("api")
        display = item.get("display") or api or ""
        if not api:
            continue
        found = _resolve(api)
        if found is None:
            continue
        owner, attr, original = found
        guard: object = (
            _guard_class(display, hits)
            if isinstance(original, type)
            else _guard_function(display, hits)
        )
        guards.setdefault(id(original), (original, guard))
        if isinstance(owner, type):
            _set_type_attribute(owner, attr, guard)
        else:
            setattr(owner, attr, guard)
    # one pass over every loaded module (torch alone has ~1,500) for all the banned APIs at once
    if guards:
        for module in list(sys.modules.values()):
            namespace = getattr(module, "__dict__", None)
            if isinstance(namespace, dict):
                for key, value in list(namespace.items()):
                    pair = guards.get(id(value))
                    if pair is not None and pair[0] is value:
                        namespace[key] = pair[1]
    if modules:
        _ban_modules(modules, hits)
