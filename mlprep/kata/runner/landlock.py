"""Landlock (Linux >= 5.13): an unprivileged, kernel-enforced file system and network boundary.

A process builds a ruleset (what it may still do beneath which paths), then
restricts itself; the restriction is irreversible and inherited by every child.
Everything is deny-by-default for the access rights the ruleset *handles*, so
each ABI's new rights (truncate, TCP, signal scoping...) are handled only when
the kernel knows them: the boundary degrades right by right on older kernels.
Only ctypes and raw syscalls: no third-party package, nothing at import time.
"""

from __future__ import annotations

import ctypes
import errno
import os
import platform
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# syscall numbers are the same on x86_64 and aarch64 (the generic table)
_SYSCALLS = {"x86_64": (444, 445, 446), "aarch64": (444, 445, 446)}
_CREATE_RULESET_VERSION = 1
_RULE_PATH_BENEATH = 1
_PR_SET_NO_NEW_PRIVS = 38

EXECUTE = 1 << 0
WRITE_FILE = 1 << 1
READ_FILE = 1 << 2
READ_DIR = 1 << 3
REMOVE_DIR = 1 << 4
REMOVE_FILE = 1 << 5
MAKE_CHAR = 1 << 6
MAKE_DIR = 1 << 7
MAKE_REG = 1 << 8
MAKE_SOCK = 1 << 9
MAKE_FIFO = 1 << 10
MAKE_BLOCK = 1 << 11
MAKE_SYM = 1 << 12
REFER = 1 << 13  # ABI 2
TRUNCATE = 1 << 14  # ABI 3
IOCTL_DEV = 1 << 15  # ABI 5
NET_BIND_TCP = 1 << 0  # ABI 4
NET_CONNECT_TCP = 1 << 1  # ABI 4
SCOPE_ABSTRACT_UNIX_SOCKET = 1 << 0  # ABI 6
SCOPE_SIGNAL = 1 << 1  # ABI 6

_FS_BY_ABI = {1: (1 << 13) - 1, 2: REFER, 3: TRUNCATE, 5: IOCTL_DEV}
FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | TRUNCATE | IOCTL_DEV  # valid on a file rule
READ = READ_FILE | READ_DIR
READ_WRITE = (1 << 16) - 1 & ~EXECUTE


class LandlockError(OSError):
    """The kernel refused a Landlock call (the message names which)."""


class _RulesetAttr(ctypes.Structure):
    _fields_ = (
        ("handled_access_fs", ctypes.c_uint64),
        ("handled_access_net", ctypes.c_uint64),
        ("scoped", ctypes.c_uint64),
    )


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = (("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32))


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def abi_version() -> int:
    """The kernel's Landlock ABI (0: not available: older kernel, disabled, or not Linux)."""
    numbers = _SYSCALLS.get(platform.machine())
    if numbers is None or not hasattr(os, "sched_getaffinity"):
        return 0
    try:
        result = _libc().syscall(numbers[0], None, ctypes.c_size_t(0), _CREATE_RULESET_VERSION)
    except (OSError, AttributeError):
        return 0
    return max(0, int(result))


def handled_fs(abi: int) -> int:
    rights = 0
    for since, bits in _FS_BY_ABI.items():
        if abi >= since:
            rights |= bits
    return rights


@dataclass
class Policy:
    """What the restricted process keeps: read-only trees, read-write trees, single files."""

    read: list[Path] = field(default_factory=list)
    write: list[Path] = field(default_factory=list)
    files: dict[Path, int] = field(default_factory=dict)  # a device or file -> its rights


@dataclass(frozen=True)
class Applied:
    abi: int
    rules: int
    net: bool  # TCP bind/connect denied
    scoped: bool  # signals and abstract UNIX sockets scoped to the sandbox


def restrict(policy: Policy, abi: int | None = None) -> Applied:
    """Restrict this process (and all its future children) to `policy`, irreversibly."""
    abi = abi_version() if abi is None else abi
    if abi < 1:
        raise LandlockError(errno.ENOSYS, "Landlock is not available on this kernel")
    create, add_rule, restrict_self = _SYSCALLS[platform.machine()]
    libc = _libc()
    fs = handled_fs(abi)
    attr = _RulesetAttr(
        handled_access_fs=fs,
        handled_access_net=(NET_BIND_TCP | NET_CONNECT_TCP) if abi >= 4 else 0,
        scoped=(SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL) if abi >= 6 else 0,
    )
    size = ctypes.sizeof(attr) if abi >= 6 else (16 if abi >= 4 else 8)
    ruleset = libc.syscall(create, ctypes.byref(attr), ctypes.c_size_t(size), 0)
    if ruleset < 0:
        raise LandlockError(ctypes.get_errno(), "landlock_create_ruleset failed")
    rules = 0
    try:
        grants: list[tuple[Path, int]] = [(p, READ & fs) for p in policy.read]
        grants += [(p, READ_WRITE & fs) for p in policy.write]
        grants += [(p, r & fs) for p, r in policy.files.items()]
        for path, rights in grants:
            if _add_path_rule(libc, add_rule, ruleset, path, rights):
                rules += 1
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            raise LandlockError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
        if libc.syscall(restrict_self, ruleset, 0) != 0:
            raise LandlockError(ctypes.get_errno(), "landlock_restrict_self failed")
    finally:
        os.close(ruleset)
    return Applied(abi=abi, rules=rules, net=abi >= 4, scoped=abi >= 6)


def _add_path_rule(libc: ctypes.CDLL, add_rule: int, ruleset: int, path: Path, rights: int) -> bool:
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return False  # a path that does not exist grants nothing
    try:
        if not os.path.isdir(f"/proc/self/fd/{fd}"):
            rights &= FILE_RIGHTS
        if not rights:
            return False
        beneath = _PathBeneathAttr(allowed_access=rights, parent_fd=fd)
        if libc.syscall(add_rule, ruleset, _RULE_PATH_BENEATH, ctypes.byref(beneath), 0) != 0:
            raise LandlockError(ctypes.get_errno(), f"landlock_add_rule failed for {path}")
    finally:
        os.close(fd)
    return True


def carve(roots: Iterable[Path], hidden: Iterable[Path]) -> list[Path]:
    """Paths that grant everything under `roots` except the `hidden` trees.

    Landlock only adds permissions, so a hidden folder inside a granted one (the
    kata references inside site-packages, say) is left out by granting its
    siblings one by one instead of their parent. A root inside a hidden tree
    (the interpreter under $HOME) is still granted: the narrower rule wins.
    """
    hide = [Path(os.path.realpath(h)) for h in hidden]
    granted: list[Path] = []
    for root in roots:
        granted += _carve(Path(os.path.realpath(root)), hide)
    return list(dict.fromkeys(granted))


def _carve(root: Path, hidden: list[Path]) -> list[Path]:
    inside = [h for h in hidden if h == root or root in h.parents]
    if not inside:
        return [root]
    if root in inside or not root.is_dir() or root.is_symlink():
        return []
    parts: list[Path] = []
    try:
        children = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return []
    for child in children:
        parts += _carve(Path(os.path.realpath(child.path)), inside)
    return parts
