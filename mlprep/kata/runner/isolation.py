"""Process containment for a kata job: its own user, PID and network namespaces.

`contain()` is called in a freshly forked, single-threaded job process before
any untrusted code runs. Where unprivileged user namespaces are available it
unshares them and forks: the child becomes PID 1 of a new PID namespace (so when
it ends, the kernel kills every process it left behind, whatever session or
group they moved to) with no network at all; the parent stays outside, waits,
and ends exactly as the child did. Both die with their parent
(`PR_SET_PDEATHSIG`), so killing the checker's worker ends the whole tree.
Where namespaces are not available, nothing is forked and the job relies on its
process group and resource limits.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import signal
from typing import NoReturn

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
_PR_SET_PDEATHSIG = 1
_PR_SET_CHILD_SUBREAPER = 36
MAX_PROCESSES = 64  # a job's processes (threads count too), where the kernel enforces it


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def die_with_parent(expected_parent: int | None = None) -> None:
    """SIGKILL this process when the thread that forked it exits (and now, if it already has)."""
    with contextlib.suppress(OSError, AttributeError):
        _libc().prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if expected_parent is not None and os.getppid() != expected_parent:
        os._exit(1)


def become_subreaper() -> None:
    """Orphaned descendants are reparented to this process (which must reap them)."""
    with contextlib.suppress(OSError, AttributeError):
        _libc().prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def _write(path: str, text: str) -> None:
    with open(path, "w", encoding="ascii") as handle:
        handle.write(text)


def _unshare() -> bool:
    uid, gid = os.getuid(), os.getgid()
    if _libc().unshare(CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET) != 0:
        return False
    try:
        _write("/proc/self/setgroups", "deny")
        _write("/proc/self/uid_map", f"{uid} {uid} 1")
        _write("/proc/self/gid_map", f"{gid} {gid} 1")
    except OSError:
        return False
    return True


def contain(cpu_seconds: int) -> bool:
    """Return in the process that will run the job: True inside new namespaces, else False."""
    if not _unshare():
        _limit_processes(namespaced=False)
        return False
    outer = os.getpid()
    pid = os.fork()
    if pid == 0:
        die_with_parent()
        if os.getppid() == 0 and not os.path.exists(f"/proc/{outer}"):
            os._exit(1)  # the parent died before the death signal was armed
        _limit_processes(namespaced=True)
        return True
    _mirror(pid, cpu_seconds)


def _limit_processes(*, namespaced: bool) -> None:
    """Cap the job's processes: counted per user namespace, so inside one the cap is exact.

    Without a namespace the count includes the user's other processes, so the cap
    leaves room for them. The kernel does not enforce it for root.
    """
    cap = MAX_PROCESSES
    if not namespaced:
        cap += _processes_of(os.getuid())
    with contextlib.suppress(ValueError, OSError):
        _soft, hard = resource.getrlimit(resource.RLIMIT_NPROC)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_NPROC, (cap, cap))


def _processes_of(uid: int) -> int:
    count = 0
    with contextlib.suppress(OSError):
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                with contextlib.suppress(OSError):
                    if entry.stat().st_uid == uid:
                        count += len(os.listdir(f"/proc/{entry.name}/task"))
    return count


def _mirror(pid: int, cpu_seconds: int) -> NoReturn:
    """Wait for the namespaced child and end the same way (its exit code or signal)."""
    while True:
        try:
            _pid, status, usage = os.wait4(pid, 0)
            break
        except InterruptedError:
            continue
        except ChildProcessError:
            os._exit(70)
    if os.WIFEXITED(status):
        os._exit(os.WEXITSTATUS(status))
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else signal.SIGKILL
    if sig == signal.SIGKILL and usage.ru_utime + usage.ru_stime >= cpu_seconds:
        sig = signal.SIGXCPU  # PID 1 ignores SIGXCPU: the hard CPU limit's SIGKILL ended it
    with contextlib.suppress(OSError, ValueError):
        signal.signal(sig, signal.SIG_DFL)
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.kill(os.getpid(), sig)
    os._exit(128 + sig)


def namespaces_available() -> bool:
    """Whether this process could contain a job in new namespaces (probed in a throwaway child)."""
    pid = os.fork()
    if pid == 0:
        try:
            os._exit(0 if _unshare() else 1)
        except BaseException:
            os._exit(1)
    _pid, status = os.waitpid(pid, 0)
    return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
