"""Inside a forked kata job: the boundary around untrusted code, raised before it is imported.

Layers, outermost first:
- namespaces (`isolation.contain`): own user, PID and network namespaces;
- Landlock (`landlock.restrict`): read-only access to the Python installation and
  system libraries, read-write only in the run folder; the kata references, the
  data folder, the workspace and $HOME are unreachable; no TCP; signals and
  abstract sockets scoped to the sandbox;
- resource limits: CPU time, address space, file size, open files, processes;
- in-process: an audit hook that refuses process creation, networking and
  changes outside the run folder with a clear message (banned APIs: `guards.py`).
The kernel layers are the boundary; the in-process layers explain and catch the
honest mistakes, and are all that is left where the kernel offers nothing
(`sandbox: limited`). The verdict itself is always computed in the checker.
"""

from __future__ import annotations

import os
import resource
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlprep.kata.runner import landlock

MIB = 1024 * 1024
MAX_OPEN_FILES = 256
FULL = "full"
LIMITED = "limited"
SYSTEM_READ = ("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/opt", "/proc", "/sys")
SYSTEM_FILES = ("/etc/ld.so.cache", "/etc/localtime", "/etc/os-release")
DEVICES_RW = ("/dev/null",)
DEVICES_RO = ("/dev/zero", "/dev/urandom", "/dev/random")
GPU_DEVICE_PREFIXES = ("nvidia", "dri")


class SandboxViolation(PermissionError):
    """Raised when a solution tries something the sandbox does not allow."""


@dataclass(frozen=True)
class Boundary:
    """What holds around a job: the mode and the kernel features in force."""

    mode: str  # FULL: Landlock and namespaces; LIMITED: in-process guards only
    landlock_abi: int
    namespaces: bool

    def to_json(self) -> dict[str, object]:
        return {"mode": self.mode, "landlock_abi": self.landlock_abi, "namespaces": self.namespaces}


def _vm_size() -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


RECURSION_LIMIT = 50_000  # Python levels a solution may recurse
STACK_MIB = 64  # the C stack those levels need (about 400 bytes each through lru_cache)


def set_limits(memory_mb: int, cpu_seconds: int, output_bytes: int) -> None:
    """Cap memory (on top of what the preloaded libraries map), CPU time, file size, open files.

    The CPU hard limit sits one second above the soft one: PID 1 of a namespace
    ignores SIGXCPU, and the hard limit's SIGKILL cannot be ignored. The stack and
    the recursion limit go up instead: an interviewer accepts memoised recursion,
    so `RECURSION_LIMIT` levels (about a third of that through `functools.lru_cache`,
    which counts twice per level) must not crash.
    """
    cpu = max(1, cpu_seconds)
    sys.setrecursionlimit(RECURSION_LIMIT)
    limits: list[tuple[int, int, int]] = [
        (resource.RLIMIT_STACK, STACK_MIB * MIB, resource.RLIM_INFINITY),
        (resource.RLIMIT_CORE, 0, 0),
        (resource.RLIMIT_CPU, cpu, cpu + 1),
        (resource.RLIMIT_FSIZE, output_bytes, output_bytes),
        (resource.RLIMIT_NOFILE, MAX_OPEN_FILES, MAX_OPEN_FILES),
    ]
    vm = _vm_size()
    if vm is not None:
        cap = vm + memory_mb * MIB
        limits.append((resource.RLIMIT_AS, cap, cap))
    for which, soft, hard in limits:
        try:
            _old_soft, old_hard = resource.getrlimit(which)
            if old_hard != resource.RLIM_INFINITY:
                soft = min(soft, old_hard)
                hard = old_hard if hard == resource.RLIM_INFINITY else min(hard, old_hard)
            resource.setrlimit(which, (soft, hard))
        except (ValueError, OSError):
            pass


# -- Landlock policy ----------------------------------------------------------------------------


def python_roots() -> list[Path]:
    """The trees this interpreter imports from: prefixes and every `sys.path` entry."""
    roots = [sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix]
    roots += [p for p in sys.path if p]
    return [Path(p) for p in dict.fromkeys(roots) if os.path.exists(p)]


def policy_for(run_dir: Path, hidden: Sequence[Path], *, gpu: bool = False) -> landlock.Policy:
    """Read-only: Python and the system libraries, minus `hidden`; read-write: `run_dir` only."""
    roots = python_roots() + [Path(p) for p in SYSTEM_READ if os.path.exists(p)]
    files: dict[Path, int] = {Path(p): landlock.READ_FILE for p in SYSTEM_FILES + DEVICES_RO}
    rw = landlock.READ_FILE | landlock.WRITE_FILE | landlock.TRUNCATE | landlock.IOCTL_DEV
    files.update({Path(p): rw for p in DEVICES_RW})
    if gpu:
        for entry in os.scandir("/dev"):
            if entry.name.startswith(GPU_DEVICE_PREFIXES):
                files[Path(entry.path)] = rw
    return landlock.Policy(read=landlock.carve(roots, hidden), write=[run_dir], files=files)


def raise_boundary(
    run_dir: Path,
    hidden: Sequence[Path],
    namespaces: bool,
    *,
    gpu: bool = False,
    kernel: bool = True,
) -> Boundary:
    """Restrict this process with Landlock where the kernel offers it (and `kernel` allows);
    say what holds."""
    abi = landlock.abi_version() if kernel else 0
    if abi >= 1:
        try:
            landlock.restrict(policy_for(run_dir, hidden, gpu=gpu), abi)
        except OSError:
            abi = 0
    mode = FULL if abi >= 1 and namespaces else LIMITED
    return Boundary(mode=mode, landlock_abi=abi, namespaces=namespaces)


def probe(setting: str = "auto") -> Boundary:
    """What a job would get here, without restricting this process (for `mlprep doctor`)."""
    from mlprep.kata.runner.isolation import namespaces_available

    if setting == "limited":
        return Boundary(mode=LIMITED, landlock_abi=0, namespaces=False)
    abi = landlock.abi_version()
    spaces = namespaces_available()
    return Boundary(
        mode=FULL if abi >= 1 and spaces else LIMITED, landlock_abi=abi, namespaces=spaces
    )


# -- audit hook ---------------------------------------------------------------------------------

_SPAWN_EVENTS = {
    "os.fork", "os.forkpty", "os.system", "os.exec", "os.posix_spawn", "os.spawn",
    "subprocess.Popen", "pty.spawn", "_posixsubprocess.fork_exec", "os.startfile",
}  # fmt: skip
_NET_EVENTS = {"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"}
_CHANGE_EVENTS = {
    "os.remove", "os.rmdir", "os.rename", "shutil.rmtree", "shutil.move", "os.truncate",
    "os.chmod", "os.chown", "os.utime", "os.mkdir", "os.symlink", "os.link", "os.chflags",
    "os.lchmod", "os.lchown", "os.lchflags", "os.setxattr", "os.removexattr", "os.mkfifo",
    "os.mknod", "sqlite3.connect",
}  # fmt: skip
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_ALLOWED_DEVICES = ("/dev/null",)


def _real(run_dir: str, path: object) -> str | None:
    if isinstance(path, int):
        return None  # a file descriptor: opened earlier, under the same rules
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if not isinstance(path, (str, os.PathLike)):
        return None
    return os.path.realpath(os.path.join(run_dir, os.fspath(path)))


def install_audit_hook(run_dir: str, hidden: Sequence[str], *, files: bool = True) -> None:
    """Refuse process creation, networking, C calls through ctypes, signals to others and
    changes to files outside `run_dir` (modes, times and attributes included, which
    Landlock does not cover); with `files`, also opening files to write outside
    `run_dir` or to read under `hidden`.

    Where Landlock holds, the kernel alone decides what `open` may reach
    (`files=False`: a refused open is the kernel's EACCES). Paths are
    compared after `realpath`, so `//`, `..`, `/proc/self/root` and symlinks made
    in the run folder lead where the kernel would lead.
    """
    run_dir = os.path.realpath(run_dir)
    hidden = [os.path.realpath(h) for h in hidden]
    readable = [os.path.realpath(r) for r in python_roots()]
    own = str(os.getpid())

    def inside(path: str, roots: Sequence[str]) -> bool:
        return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)

    def deepest(path: str, roots: Sequence[str]) -> int:
        return max((len(r) for r in roots if inside(path, [r])), default=-1)

    def secret(path: str) -> bool:
        # as with Landlock, the narrower rule wins: the interpreter under $HOME is readable,
        # the kata references inside site-packages are not
        return deepest(path, hidden) > deepest(path, readable)

    def writable(path: str) -> bool:
        return inside(path, [run_dir]) or path in _ALLOWED_DEVICES

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event in _SPAWN_EVENTS:
            raise SandboxViolation("starting processes is not allowed in a kata")
        if event in _NET_EVENTS:
            raise SandboxViolation("network access is not allowed in a kata")
        if event in ("ctypes.dlopen", "ctypes.dlsym"):
            raise SandboxViolation("calling C functions through ctypes is not allowed in a kata")
        if event in ("os.kill", "os.killpg"):
            if args and str(args[0]) != own:  # 0 and -1 reach other processes too
                raise SandboxViolation("signalling other processes is not allowed in a kata")
            return
        if event == "open" and files:
            full = _real(run_dir, args[0] if args else None)
            if full is None:
                return
            if secret(full):
                raise SandboxViolation(f"reading {args[0]} is not allowed in a kata")
            if full.startswith("/proc/"):
                part = full.split("/")[2]
                if part.isdigit() and part != own:
                    raise SandboxViolation("reading other processes is not allowed in a kata")
            mode = args[1] if len(args) > 1 else None
            flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
            writes = bool(flags & _WRITE_FLAGS) or (
                isinstance(mode, str) and any(c in mode for c in "wax+")
            )
            if writes and not writable(full):
                raise SandboxViolation(
                    f"writing {args[0]} is not allowed in a kata (only the run folder)"
                )
            return
        if event in _CHANGE_EVENTS:
            for arg in args[:2]:
                full = _real(run_dir, arg)
                if full is not None and not writable(full):
                    raise SandboxViolation(
                        "changing files outside the run folder is not allowed in a kata"
                    )

    sys.addaudithook(hook)
