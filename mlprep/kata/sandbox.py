"""Inside a sandboxed child: resource limits, the audit hook and banned-API guards.

Everything here runs in a forked kata process, before the solution is imported.
Nothing here is a security boundary on its own (the verdict is computed in the
checker process); it keeps honest mistakes and casual tricks from harming the
machine or the run: no new processes, no network, no writes outside the run
folder, no peeking at the kata's reference or other processes' memory.
"""

from __future__ import annotations

import importlib
import os
import resource
import sys
from collections.abc import Callable
from typing import Any

MIB = 1024 * 1024


class BannedAPIError(RuntimeError):
    """Raised when a solution calls an API its kata does not allow."""


class SandboxViolation(PermissionError):
    """Raised when a solution tries something the sandbox does not allow."""


def _vm_size() -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


def set_limits(memory_mb: int, cpu_seconds: int, output_bytes: int) -> None:
    """Cap memory (on top of what the preloaded libraries already map), CPU time and file size."""
    limits: list[tuple[int, int]] = [
        (resource.RLIMIT_CORE, 0),
        (resource.RLIMIT_CPU, max(1, cpu_seconds)),
        (resource.RLIMIT_FSIZE, output_bytes),
    ]
    vm = _vm_size()
    if vm is not None:
        limits.append((resource.RLIMIT_AS, vm + memory_mb * MIB))
    for which, value in limits:
        try:
            _soft, hard = resource.getrlimit(which)
            cap = value if hard == resource.RLIM_INFINITY else min(value, hard)
            resource.setrlimit(which, (cap, hard if which == resource.RLIMIT_CPU else cap))
        except (ValueError, OSError):
            pass


_SPAWN_EVENTS = {
    "os.fork", "os.forkpty", "os.system", "os.exec", "os.posix_spawn", "os.spawn",
    "subprocess.Popen", "pty.spawn",
}  # fmt: skip
_NET_EVENTS = {"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"}
_REMOVE_EVENTS = {"os.remove", "os.rmdir", "os.rename", "shutil.rmtree", "shutil.move"}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def install_audit_hook(run_dir: str, hidden: list[str]) -> None:
    """Refuse process creation, networking, writes outside `run_dir`, reads under `hidden`."""
    run_dir = os.path.abspath(run_dir)
    hidden = [os.path.abspath(h) for h in hidden]
    own = str(os.getpid())
    allowed_writes = (run_dir + os.sep, "/dev/null")

    def inside(path: str, roots: list[str] | tuple[str, ...]) -> bool:
        return any(
            path == r.rstrip(os.sep) or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots
        )

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event in _SPAWN_EVENTS:
            raise SandboxViolation("starting processes is not allowed in a kata")
        if event in _NET_EVENTS:
            raise SandboxViolation("network access is not allowed in a kata")
        if event in ("os.kill", "os.killpg"):
            if args and str(args[0]) not in (own, "0"):
                raise SandboxViolation("signalling other processes is not allowed in a kata")
            return
        if event == "open":
            path = args[0] if args else None
            if isinstance(path, bytes):
                path = os.fsdecode(path)
            if not isinstance(path, str):
                return
            full = os.path.normpath(os.path.join(run_dir, path))
            if inside(full, hidden):
                raise SandboxViolation(f"reading {path} is not allowed in a kata")
            if full.startswith("/proc/"):
                part = full.split("/")[2]
                if part.isdigit() and part != own:
                    raise SandboxViolation("reading other processes is not allowed in a kata")
            mode = args[1] if len(args) > 1 else None
            flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
            writes = bool(flags & _WRITE_FLAGS) or (
                isinstance(mode, str) and any(c in mode for c in "wax+")
            )
            if writes and not (
                full == run_dir or inside(full, [run_dir]) or full in allowed_writes
            ):
                raise SandboxViolation(
                    f"writing {path} is not allowed in a kata (only the run folder)"
                )
            return
        if event in _REMOVE_EVENTS:
            for arg in args[:2]:
                if isinstance(arg, (str, bytes)):
                    full = os.path.normpath(os.path.join(run_dir, os.fsdecode(arg)))
                    if not inside(full, [run_dir]):
                        raise SandboxViolation(
                            "changing files outside the run folder is not allowed"
                        )

    sys.addaudithook(hook)


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


def install_banned_guards(banned: list[dict[str, str]], hits: list[str]) -> None:
    """Replace every reference to each banned API in loaded modules by a guard that records and raises."""
    for item in banned:
        api = item.get("api")
        display = item.get("display") or api or ""
        if not api:
            continue
        module_name, _, attr = api.rpartition(".")
        try:
            original = getattr(importlib.import_module(module_name), attr)
        except (ImportError, AttributeError):
            continue
        guard: object = (
            _guard_class(display, hits)
            if isinstance(original, type)
            else _guard_function(display, hits)
        )
        for module in list(sys.modules.values()):
            namespace = getattr(module, "__dict__", None)
            if isinstance(namespace, dict):
                for key, value in list(namespace.items()):
                    if value is original:
                        namespace[key] = guard
        setattr(importlib.import_module(module_name), attr, guard)
