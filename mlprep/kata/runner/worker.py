"""The warm worker ("zygote") and the jobs its forked children run.

The checker starts `python -I` on `zygote_main`, which imports the heavy
libraries once (torch, numpy, hypothesis) and then forks one child per job on
request. A child starts a new session, takes its stdout/stderr files and job
channel, applies the limits and runs one job:

- `oracle`: generate the kata's cases from the seed and compute expected values
  with the reference (trusted code, never in the same process as a solution);
- `solution`: import one solution file under the sandbox and run it on the cases
  it is sent, reporting encoded outputs, exceptions, mutated inputs and banned
  calls. It never sees expected values and decides nothing;
- `bench`: build the kata's `bench_inputs(size, seed)` for every size before any
  untrusted code is imported, then (sandboxed, like `solution`) make one call
  at a time when the checker says so. The checker times each call from its side
  of the socket: no clock the solution can reach is ever read.

Untrusted jobs are contained (`isolation.contain`) before anything else and
raise the boundary (`sandbox.raise_boundary`) after the trusted kata code is
loaded and before the solution is imported.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import importlib
import importlib.util
import json
import os
import signal
import socket
import sys
import time
import traceback
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mlprep.kata.casekit import InputChanged
from mlprep.kata.runner import channel
from mlprep.kata.runner.codec import EncodeError, encode, pin_libraries, to_runtime

EXIT_INTERNAL = 70
UNTRUSTED_KINDS = ("solution", "bench")


# -- zygote -----------------------------------------------------------------------------------


def zygote_main(ctl_fd: int, preload_json: str, checker_pid: int = 0) -> None:
    """Serve spawn and wait requests on the control socket until it closes (or the checker dies)."""
    from mlprep.kata.runner.isolation import become_subreaper, die_with_parent

    die_with_parent(checker_pid or None)
    become_subreaper()  # a job's processes that outlive it come back here to be reaped
    signal.signal(signal.SIGCHLD, lambda _sig, _frame: _collect())  # ... at once
    ctl = socket.socket(fileno=ctl_fd)
    failed: dict[str, str] = {}
    for name in json.loads(preload_json):
        try:
            importlib.import_module(name)
        except Exception as error:  # a missing optional library is reported, not fatal
            failed[name] = f"{type(error).__name__}: {error}"
    ctl.send(json.dumps({"op": "ready", "failed": failed, "pid": os.getpid()}).encode())
    while True:
        try:
            data, fds, _flags, _addr = socket.recv_fds(ctl, 1 << 16, 8)
        except (ConnectionResetError, OSError):
            break
        if not data:
            break
        request = json.loads(data)
        op = request.get("op")
        if op == "spawn":
            zygote = os.getpid()
            # no reaping between the fork and knowing the pid is a job's
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
            pid = os.fork()
            if pid == 0:
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
                _child(ctl, fds, request["job"], zygote)  # never returns
            _jobs.add(pid)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
            for fd in fds:
                os.close(fd)
            ctl.send(json.dumps({"op": "spawned", "pid": pid}).encode())
        elif op == "wait":
            status = _reap(int(request["pid"]), float(request.get("grace", 0.0)))
            ctl.send(json.dumps({"op": "waited", "status": status}).encode())
        else:
            break
    os._exit(0)


def _kill_group(pid: int) -> None:
    for kill in (os.killpg, os.kill):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            kill(pid, signal.SIGKILL)


_jobs: set[int] = set()  # jobs spawned and not yet waited for
_ended: dict[int, int] = {}  # their statuses, when collected before they were asked for


def _collect() -> None:
    """Reap every child that has ended: jobs (status kept) and orphans passed to us."""
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        if pid in _jobs:
            _ended[pid] = status


def _reap(pid: int, grace: float) -> int:
    """Wait up to `grace` s for the job to end by itself, kill its group, return its status."""
    if pid not in _jobs:
        return -1
    deadline = time.monotonic() + grace
    while True:
        _collect()
        if pid in _ended or time.monotonic() >= deadline:
            break
        time.sleep(0.005)
    if pid not in _ended:
        _kill_group(pid)
        with contextlib.suppress(ChildProcessError):
            _ended[pid] = os.waitpid(pid, 0)[1]
    _kill_group(pid)  # strays the job left behind in its group
    _jobs.discard(pid)
    _collect()
    return _ended.pop(pid, -1)


def _child(ctl: socket.socket, fds: list[int], job: dict[str, Any], zygote: int) -> None:
    code = EXIT_INTERNAL
    try:
        ctl.close()
        from mlprep.kata.runner.isolation import contain, die_with_parent
        from mlprep.kata.runner.sandbox import set_limits

        die_with_parent(zygote)
        os.setsid()
        chan_fd, out_fd, err_fd = fds
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(out_fd, 1)
        os.dup2(err_fd, 2)
        for fd in (devnull, out_fd, err_fd):
            os.close(fd)
        os.chdir(job["cwd"])
        os.environ["HOME"] = job["cwd"]
        os.environ["TMPDIR"] = job["cwd"]
        cpu = int(job["cpu_seconds"])
        untrusted = job["kind"] in UNTRUSTED_KINDS and not job.get("trusted")
        kernel = job.get("sandbox") != "limited"
        # before anything else, while this process is single-threaded
        job["namespaced"] = contain(cpu) if untrusted and kernel else False
        torch = sys.modules.get("torch")
        if torch is not None:
            torch.set_num_threads(1)
        set_limits(job["memory_mb"], cpu, job["output_bytes"])
        sock = socket.socket(fileno=chan_fd)
        code = JOBS[job["kind"]](job, sock)
    except BaseException:
        with contextlib.suppress(BaseException):
            traceback.print_exc()
    finally:
        _flush()
        os._exit(code)


def _flush() -> None:
    """Flush what the job printed: the checker reads the files once the job ends."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BaseException):
            stream.flush()


# -- helpers shared by the jobs ---------------------------------------------------------------


def load_module(name: str, path: Path) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _invoker(harness: types.ModuleType, entry: str) -> Callable[..., Any]:
    custom = getattr(harness, "invoke", None)
    if callable(custom):
        return lambda solution, args, kwargs: custom(solution, *args, **kwargs)
    return lambda solution, args, kwargs: getattr(solution, entry)(*args, **kwargs)


def _runtime_inputs(inputs: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    args = [to_runtime(a) for a in inputs["args"]]
    kwargs = {k: to_runtime(v) for k, v in inputs["kwargs"].items()}
    return args, kwargs


def describe_exception(
    error: BaseException, user_file: str | None, shown_as: str
) -> dict[str, Any]:
    """Type, message and the solution's own frames (file shown under its real name)."""
    try:
        message = str(error)
    except BaseException:
        message = "<the exception's message could not be shown>"
    if isinstance(error, SystemExit):
        message = f"called sys.exit({error.code!r})"
    frames: list[str] = []
    try:
        for frame in traceback.extract_tb(error.__traceback__):
            if user_file is not None and frame.filename == user_file:
                frames.append(f"{shown_as} line {frame.lineno}, in {frame.name}: {frame.line}")
            elif isinstance(error, SyntaxError):
                break
        if isinstance(error, SyntaxError) and error.lineno:
            frames.append(f"{shown_as} line {error.lineno}: {(error.text or '').strip()}")
    except BaseException:
        pass
    mro = [c.__name__ for c in type(error).__mro__]
    return {
        "type": type(error).__name__,
        "mro": mro,
        "message": message[:2000],
        "frames": frames[-6:],
    }


# -- oracle job (trusted: kata's cases.py and reference.py) -----------------------------------


def oracle_job(job: dict[str, Any], sock: socket.socket) -> int:
    folder = Path(job["kata_dir"])
    harness = load_module("mlprep_kata_cases", folder / "cases.py")
    reference = load_module("mlprep_kata_reference", folder / "reference.py")
    invoke = _invoker(harness, job["entry"])
    cases = list(harness.generate(int(job["seed"])))
    channel.send(sock, {"event": "count", "count": len(cases)})
    for index, case in enumerate(cases):
        inputs = {
            "args": [encode(a) for a in case.args],
            "kwargs": {k: encode(v) for k, v in case.kwargs.items()},
        }
        args, kwargs = _runtime_inputs(inputs)
        try:
            expected: dict[str, Any] = {"output": encode(invoke(reference, args, kwargs))}
            if case.raises is not None:
                raise AssertionError(f"case {case.name}: the reference did not raise {case.raises}")
        except Exception as error:
            if case.raises is None or type(error).__name__ != case.raises:
                raise AssertionError(
                    f"case {case.name}: the reference failed: {error!r}"
                ) from error
            expected = {"raises": case.raises}
        channel.send(
            sock,
            {
                "event": "case",
                "index": index,
                "name": case.name,
                "inputs": inputs,
                "expected": expected,
                "atol": case.atol,
                "rtol": case.rtol,
                "timeout": case.timeout,
                "note": case.note,
            },
        )
    channel.send(sock, {"event": "done"})
    return 0


# -- solution job (untrusted code, sandboxed) -------------------------------------------------


def _load_solution(
    job: dict[str, Any], module_name: str, hits: list[str], sock: socket.socket
) -> types.ModuleType | None:
    """Import the solution file; report `loaded` (or `load_error`, returning None) to the checker."""
    file, shown = job["file"], job["shown_as"]
    try:
        solution = load_module(module_name, Path(file))
        if not hasattr(solution, job["entry"]):
            raise LookupError(f"{shown} does not define {job['entry']}")
    except BaseException as error:
        _flush()
        channel.send(
            sock,
            {
                "event": "load_error",
                "error": describe_exception(error, file, shown),
                "banned": hits,
            },
        )
        return None
    channel.send(sock, {"event": "loaded", "banned": hits})
    return solution


def _harden(job: dict[str, Any], sock: socket.socket, hits: list[str]) -> None:
    """Raise the boundary around the code about to be imported and tell the checker what holds."""
    from mlprep.kata.runner.guards import install_banned_guards
    from mlprep.kata.runner.sandbox import install_audit_hook, raise_boundary

    boundary = raise_boundary(
        Path(job["cwd"]),
        [Path(h) for h in job["hidden"]],
        bool(job.get("namespaced")),
        gpu=job.get("device") == "cuda",
        kernel=job.get("sandbox") != "limited",
    )
    pin_libraries()  # the encoder keeps the real torch and numpy, whatever the bans do
    install_banned_guards(job["banned"], hits)  # after the boundary, which sorts paths
    install_audit_hook(job["cwd"], job["hidden"], files=boundary.landlock_abi < 1)
    channel.send(sock, {"event": "sandbox", **boundary.to_json()})


def solution_job(job: dict[str, Any], sock: socket.socket) -> int:
    request = channel.receive(sock)
    harness = load_module("mlprep_kata_cases", Path(job["kata_dir"]) / "cases.py")
    invoke = _invoker(harness, job["entry"])
    hits: list[str] = []
    _harden(job, sock, hits)
    stem = Path(job["file"]).stem
    solution = _load_solution(job, stem if stem.isidentifier() else "solution", hits, sock)
    if solution is None:
        return 0
    file, shown = job["file"], job["shown_as"]
    params: list[str] = job["params"]
    for item in request["cases"]:
        index = item["index"]
        inputs = item["inputs"]
        channel.send(sock, {"event": "start", "index": index})
        before = len(hits)
        args, kwargs = _runtime_inputs(inputs)
        result: dict[str, Any] = {"event": "result", "index": index}
        started = time.perf_counter()
        changed: list[str] = []
        try:
            value = invoke(solution, args, kwargs)
            result["elapsed"] = time.perf_counter() - started
            result["output"] = encode(value)
        except EncodeError as error:
            result["unsupported"] = str(error)
        except InputChanged as error:  # an object input `invoke` built was changed
            changed.append(error.name)
            result["output"] = encode(None)
        except BaseException as error:
            result["error"] = describe_exception(error, file, shown)
        result.setdefault("elapsed", time.perf_counter() - started)
        result["mutated"] = _mutated(inputs, args, kwargs, params) + changed
        result["banned"] = hits[before:]
        _flush()
        channel.send(sock, result)
    channel.send(sock, {"event": "done"})
    return 0


def _mutated(
    inputs: dict[str, Any], args: list[Any], kwargs: dict[str, Any], params: list[str]
) -> list[str]:
    changed: list[str] = []
    for i, (original, now) in enumerate(zip(inputs["args"], args, strict=False)):
        try:
            same = encode(now) == original
        except EncodeError:
            same = False
        if not same:
            changed.append(params[i] if i < len(params) else f"argument {i + 1}")
    for key, now in kwargs.items():
        try:
            same = encode(now) == inputs["kwargs"][key]
        except EncodeError:
            same = False
        if not same:
            changed.append(key)
    return changed


# -- bench job (kata inputs built first; the timed code is sandboxed unless it is the reference) --


def _digest(args: tuple[Any, ...]) -> str:
    """A fingerprint of one size's inputs: the reference's and the solution's must agree."""
    data = json.dumps(encode(list(args)), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def _has_tensor(value: Any, torch: Any) -> bool:
    if isinstance(value, torch.Tensor):
        return True
    if isinstance(value, (list, tuple)):
        return any(_has_tensor(v, torch) for v in value)
    if isinstance(value, dict):
        return any(_has_tensor(v, torch) for v in value.values())
    return False


def _to_device(value: Any, torch: Any, device: str) -> Any:
    if isinstance(value, torch.Tensor):
        return value.to(device)
    if isinstance(value, list):
        return [_to_device(v, torch, device) for v in value]
    if isinstance(value, tuple):
        return tuple(_to_device(v, torch, device) for v in value)
    if isinstance(value, dict):
        return {k: _to_device(v, torch, device) for k, v in value.items()}
    return value


def bench_job(job: dict[str, Any], sock: socket.socket) -> int:
    """Build every size's inputs, then make one call each time the checker asks (it times them)."""
    folder = Path(job["kata_dir"])
    harness = load_module("mlprep_kata_cases", folder / "cases.py")
    invoke = _invoker(harness, job["entry"])
    make = harness.bench_inputs
    seed = int(job["seed"])
    inputs: dict[int, tuple[Any, ...]] = {}
    digests: dict[str, str] = {}
    for size in job["sizes"]:
        args = make(int(size), seed)
        if not isinstance(args, tuple):
            raise TypeError(
                f"bench_inputs({size}, {seed}) returned {type(args).__name__}, not a tuple"
            )
        inputs[int(size)] = args
        digests[str(size)] = _digest(args)
    device = job["device"]
    torch = sys.modules.get("torch")
    sync: Callable[[], None] = lambda: None  # noqa: E731
    if device == "cuda":
        if torch is None or not torch.cuda.is_available():
            channel.send(sock, {"event": "no_cuda"})
            return 0
        if not any(_has_tensor(args, torch) for args in inputs.values()):
            channel.send(
                sock,
                {"event": "setup_error", "message": "bench_inputs returned no tensors to move"},
            )
            return 0
        sync = torch.cuda.synchronize
    # sent before the timed file is imported: the solution cannot change what was measured on
    channel.send(sock, {"event": "inputs", "digests": digests})
    hits: list[str] = []
    stem = Path(job["file"]).stem
    if not job["trusted"]:
        _harden(job, sock, hits)
    name = stem if stem.isidentifier() and not job["trusted"] else "mlprep_kata_timed"
    solution = _load_solution(job, name, hits, sock)
    if solution is None:
        return 0
    file, shown = job["file"], job["shown_as"]
    call: list[Any] = []
    while True:
        request = channel.receive(sock)
        op = request.get("op")
        try:
            if op == "prepare":  # copy (and move) the inputs outside the timed call
                size = int(request["size"])
                call = list(copy.deepcopy(inputs[size]))
                if device == "cuda":
                    call = _to_device(call, torch, device)
                    if request.get("warm"):  # CUDA context, kernels and caches warm up
                        invoke(solution, list(_to_device(copy.deepcopy(call), torch, device)), {})
                sync()
                channel.send(sock, {"event": "ready", "size": size})
            elif op == "call":
                value = invoke(solution, call, {})
                sync()
                del value
                call = []
                channel.send(sock, {"event": "called", "banned": hits})
            else:
                break
        except BaseException as error:
            info = describe_exception(error, file, shown)
            channel.send(sock, {"event": "error", "error": info, "banned": hits})
    return 0


JOBS: dict[str, Callable[[dict[str, Any], socket.socket], int]] = {
    "oracle": oracle_job,
    "solution": solution_job,
    "bench": bench_job,
}
