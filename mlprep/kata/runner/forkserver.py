"""The checker's handle on the warm worker: start it, fork jobs from it, kill and reap them.

The worker is a separate `python -I -B` process (isolated, and writing no
bytecode next to the katas) in its own session with a clean environment and
the checker's own `sys.path` (so it imports exactly what the checker would, less
the working folder: see `worker_path`); it
imports torch once, so every job after the first starts in milliseconds. Jobs
are forked children in their own sessions; the checker kills each job's whole
process group when the job ends, whatever happened. The worker dies with the
checker and each job with the worker (`PR_SET_PDEATHSIG`), so no exit path of
the checker leaves a job running.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import weakref
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from mlprep.errors import KataError
from mlprep.kata.runner.rundirs import remove_own_run_dirs, sweep_stale

_PACKAGE_ROOT = Path(__file__).resolve().parents[3]
_BOOT = (
    "import json, sys; sys.path[:] = json.loads(sys.argv[5]); sys.path.insert(0, sys.argv[1]); "
    "from mlprep.kata.runner.worker import zygote_main; "
    "zygote_main(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]))"
)
_ENV_KEEP = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "SYSTEMROOT", "LD_LIBRARY_PATH")
START_TIMEOUT = 120.0


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k in _ENV_KEEP}
    env.update(
        OMP_NUM_THREADS="1",
        MKL_NUM_THREADS="1",
        OPENBLAS_NUM_THREADS="1",
        PYTHONHASHSEED="0",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def worker_path(path: Sequence[str] | None = None, cwd: str | None = None) -> list[str]:
    """The checker's import path for the worker, less the folder mlprep was started from.

    `python -m mlprep` puts the working folder first on `sys.path`, and a job may read
    every folder it imports from: the user's project folder would be readable by kata
    code. mlprep itself is found through its own package root, passed separately.
    """
    here = os.path.realpath(cwd if cwd is not None else os.getcwd())
    entries = sys.path if path is None else path
    return [p for p in entries if p and os.path.realpath(p) != here]


_servers: weakref.WeakSet[ForkServer] = weakref.WeakSet()


def install_exit_handlers() -> None:
    """On SIGTERM or SIGHUP: end every job at once, remove this process's run folders, then
    die of the signal. (SIGKILL leaves no chance: the death signals end the jobs, and the
    next checker removes the folders.) Only the main thread may install handlers."""
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _end_on_signal)


def _end_on_signal(signum: int, _frame: object) -> None:
    for server in list(_servers):
        server.kill()
    remove_own_run_dirs()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


class ForkServer:
    """A warm worker process; thread-safe `spawn` and `reap`."""

    def __init__(self, preload: Sequence[str] = (), python: str | None = None) -> None:
        self.preload = tuple(dict.fromkeys(preload))
        self.python = python or sys.executable
        self.failed_preloads: dict[str, str] = {}
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._ctl: socket.socket | None = None

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> ForkServer:
        if self._proc is not None:
            return self
        sweep_stale()
        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            self._proc = subprocess.Popen(
                [self.python, "-I", "-B", "-c", _BOOT, str(_PACKAGE_ROOT), str(child.fileno()),
                 json.dumps(list(self.preload)), str(os.getpid()), json.dumps(worker_path())],
                pass_fds=[child.fileno()],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                start_new_session=True,
                env=_clean_env(),
                cwd="/",
            )  # fmt: skip
        finally:
            child.close()
        self._ctl = parent
        _servers.add(self)
        parent.settimeout(START_TIMEOUT)
        try:
            reply = self._recv()
        except (OSError, ValueError) as error:
            detail = self._stderr_tail()
            self.close()
            raise KataError(f"the kata worker did not start: {detail or error}") from error
        parent.settimeout(None)
        self.failed_preloads = dict(reply.get("failed", {}))
        return self

    def _stderr_tail(self) -> str:
        if self._proc is None or self._proc.stderr is None:
            return ""
        if self._proc.poll() is None:
            return ""
        return self._proc.stderr.read()[-2000:].decode("utf-8", "replace").strip()

    def kill(self) -> None:
        """End the worker and every job now (from a signal handler: no locks, no waiting)."""
        proc = self._proc
        if proc is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)

    def close(self) -> None:
        proc, ctl = self._proc, self._ctl
        self._proc = self._ctl = None
        if ctl is not None:
            ctl.close()
        if proc is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            if proc.stderr is not None:
                proc.stderr.close()

    def __enter__(self) -> ForkServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    # -- requests ----------------------------------------------------------------------------
    def _recv(self) -> dict[str, Any]:
        assert self._ctl is not None
        data = self._ctl.recv(1 << 16)
        if not data:
            raise KataError("the kata worker stopped unexpectedly")
        reply = json.loads(data)
        if not isinstance(reply, dict):
            raise KataError("the kata worker sent a malformed reply")
        return reply

    def spawn(self, job: dict[str, Any], fds: Sequence[int]) -> int:
        """Fork a child running `job` with `fds` = (channel, stdout, stderr); its pid."""
        with self._lock:
            if self._ctl is None:
                raise KataError("the kata worker is not running")
            try:
                socket.send_fds(
                    self._ctl, [json.dumps({"op": "spawn", "job": job}).encode()], list(fds)
                )
                return int(self._recv()["pid"])
            except OSError as error:
                raise KataError(f"the kata worker stopped unexpectedly ({error})") from error

    def reap(self, pid: int, grace: float = 0.0) -> int:
        """Give the job `grace` s to end, kill its process group (strays too), return its status."""
        with self._lock:
            if self._ctl is None:
                return -1
            try:
                self._ctl.send(json.dumps({"op": "wait", "pid": pid, "grace": grace}).encode())
                return int(self._recv()["status"])
            except OSError as error:
                raise KataError(f"the kata worker stopped unexpectedly ({error})") from error
