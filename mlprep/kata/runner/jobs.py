"""Running one job in the sandbox and reading its events, with time limits and crash handling.

`oracle_messages` runs the kata's case generator and reference (`oracle_cases` reads
their messages); `run_solution` returns one `Outcome` per case for a solution file.
Both run in forked children
of a `ForkServer`; this module only reads their frames, decodes them with
`codec.decode` and never executes anything they sent.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from mlprep.errors import KataError
from mlprep.kata.judge.compare import Tolerance
from mlprep.kata.model import ERROR, TIMEOUT, Kata
from mlprep.kata.runner import channel
from mlprep.kata.runner.codec import DecodeError, Encoded, decode, describe
from mlprep.kata.runner.forkserver import ForkServer
from mlprep.kata.runner.rundirs import make_run_dir, remove_tree

OUTPUT_SHOWN = 4000
ENDING_GRACE = 1.0  # a job that said it is done gets this long to exit by itself
MAX_TIMEOUTS = 2
MAX_CRASHES = 3


@dataclass(frozen=True)
class Limits:
    """Limits for one check: per-case and whole-run seconds, memory, printed output."""

    case_timeout: float = 10.0
    run_timeout: float = 120.0
    memory_mb: int = 1024
    output_bytes: int = 8 * 1024 * 1024
    load_timeout: float = 20.0

    @classmethod
    def for_timeout(cls, timeout: float) -> Limits:
        return cls(
            case_timeout=timeout,
            run_timeout=max(60.0, 6 * timeout),
            load_timeout=max(10.0, timeout),
        )


@dataclass(frozen=True)
class OracleCase:
    """A generated case: inputs (encoded, sent to solutions) and the expected result (decoded)."""

    index: int
    name: str
    inputs: Encoded
    expected: object  # a decoded value, or Raised for cases that must raise
    tol: Tolerance
    timeout: float | None
    note: str

    @cached_property
    def inputs_json(self) -> bytes:
        """The inputs as JSON, made once: every run of every file checked sends them."""
        return channel.dumps(self.inputs)

    def describe_inputs(self, params: Sequence[str]) -> str:
        parts = []
        for i, arg in enumerate(self.inputs["args"]):
            label = params[i] if i < len(params) else f"arg{i}"
            parts.append(f"{label}={describe(arg)}")
        parts += [f"{k}={describe(v)}" for k, v in self.inputs["kwargs"].items()]
        text = ", ".join(parts)
        return f"{text} ({self.note})" if self.note else text


@dataclass(frozen=True)
class Output:
    value: object
    elapsed: float = 0.0


@dataclass(frozen=True)
class Raised:
    type: str
    mro: tuple[str, ...] = ()
    message: str = ""
    frames: tuple[str, ...] = ()

    def describe(self) -> str:
        text = f"{self.type}: {self.message}" if self.message else self.type
        if self.type == "SystemExit":
            text = f"SystemExit ({self.message})"
        if self.frames:
            text += "\n  " + "\n  ".join(self.frames)
        return text


@dataclass(frozen=True)
class Problem:
    """A case that produced no comparable result: timeout, crash, bad type, mutation, banned call."""

    status: str
    message: str
    output: Output | Raised | None = None


Outcome = Output | Raised | Problem


@dataclass
class SolutionRun:
    outcomes: dict[int, Outcome] = field(default_factory=dict)
    load_error: str | None = None
    output: str = ""
    boundary: dict[str, Any] = field(default_factory=dict)  # what held around the solution


# -- plumbing ---------------------------------------------------------------------------------


class Job:
    """One forked child: its channel, captured output and run folder.

    The output files are created here (never following a link) and read back
    through the descriptors opened here, so whatever the job does to the paths
    in its run folder (a FIFO, a link to a reference) changes nothing we read.
    """

    def __init__(
        self, server: ForkServer, job: dict[str, Any], run_dir: Path, output_bytes: int
    ) -> None:
        self.server = server
        self.run_dir = run_dir
        self.output_bytes = output_bytes
        self.boundary: dict[str, Any] = {}
        self.sock, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        self._fds = [os.open(run_dir / name, flags, 0o600) for name in (".stdout", ".stderr")]
        job = {**job, "cwd": str(run_dir), "output_bytes": output_bytes}
        try:
            self.pid = server.spawn(job, [theirs.fileno(), *self._fds])
        except BaseException:
            self._close_fds()
            raise
        finally:
            theirs.close()
        self.status: int | None = None

    def finish(self, grace: float = 0.0) -> int:
        if self.status is None:
            self.status = self.server.reap(self.pid, grace)
            self.sock.close()
        return self.status

    def over_output_limit(self) -> bool:
        """Whether the job printed (or wrote) as much as the file-size limit allows."""
        return any(_size(fd) >= self.output_bytes for fd in self._fds)

    def captured(self) -> str:
        """What the job printed (stdout, then stderr), cut, with control characters escaped."""
        parts = []
        for fd in self._fds:
            try:
                size = _size(fd)
                text = os.pread(fd, OUTPUT_SHOWN, 0).decode("utf-8", "replace")
            except OSError:
                continue
            if size > OUTPUT_SHOWN:
                text += f"\n... ({size - OUTPUT_SHOWN} more bytes cut)"
            if text.strip():
                parts.append(printable(text))
        return "\n".join(parts)

    def _close_fds(self) -> None:
        for fd in self._fds:
            with contextlib.suppress(OSError):
                os.close(fd)
        self._fds = []

    def close(self) -> None:
        """Reap the job, release the output files and remove the run folder."""
        self.finish()
        self._close_fds()
        remove_tree(self.run_dir)


def _size(fd: int) -> int:
    return os.fstat(fd).st_size


_CONTROL = {c: f"\\x{c:02x}" for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in "\n\t"}
_CONTROL.update({c: f"\\u{c:04x}" for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]})


def printable(text: str) -> str:
    """User output as data: control characters (ANSI escapes, bidi overrides) shown escaped."""
    return text.translate(_CONTROL)


def output_limit_message(output_bytes: int) -> str:
    return (
        f"your solution printed more than {output_bytes // (1024 * 1024)} MiB: output limit "
        "(print less, or nothing: only the returned value is checked)"
    )


def describe_status(status: int, limits: Limits) -> str:
    """Why a job process ended, in words."""
    if status < 0:
        return "the process ended in an unknown way"
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
        known = {
            signal.SIGSEGV: "crashed with a segmentation fault (SIGSEGV)",
            signal.SIGBUS: "crashed with a bus error (SIGBUS)",
            signal.SIGABRT: "aborted (SIGABRT)",
            signal.SIGXCPU: f"used more than its CPU time limit ({int(limits.run_timeout)} s, SIGXCPU)",
            signal.SIGXFSZ: f"printed more than {limits.output_bytes // (1024 * 1024)} MiB of output (SIGXFSZ)",
            signal.SIGKILL: "was killed (SIGKILL), likely for using too much memory",
        }
        return f"the process {known.get(signal.Signals(sig), f'was killed by {name}')}"
    if os.WIFEXITED(status):
        return (
            f"the process exited with code {os.WEXITSTATUS(status)} (os._exit or a C-level exit?)"
        )
    return "the process ended in an unknown way"


def banned_spec(kata: Kata) -> list[dict[str, str]]:
    """The kata's banned APIs and modules, as the sandbox's guards take them."""
    return [
        {"api": b.api or "", "module": b.module or "", "display": b.display} for b in kata.banned
    ]


def _hit_output_limit(raised: Raised, job: Job) -> bool:
    """A write refused by the file-size limit (EFBIG) after the job printed up to it."""
    return (
        raised.type == "OSError"
        and "File too large" in raised.message
        and (job.over_output_limit())
    )


SANDBOX_ENV = "MLPREP_SANDBOX"


def sandbox_setting() -> str:
    """`limited` when the user turned the kernel layers off (`MLPREP_SANDBOX=limited`)."""
    return "limited" if os.environ.get(SANDBOX_ENV, "").strip().lower() == "limited" else "auto"


def base_job(kata: Kata, kind: str, limits: Limits) -> dict[str, Any]:
    return {
        "kind": kind,
        "sandbox": sandbox_setting(),
        "kata_dir": str(kata.folder),
        "entry": kata.entry.name,
        "params": list(kata.entry.params),
        "memory_mb": limits.memory_mb,
        "cpu_seconds": int(limits.run_timeout + limits.load_timeout + 5),
    }


# -- oracle -----------------------------------------------------------------------------------


def oracle_cases(kata: Kata, messages: list[dict[str, Any]]) -> list[OracleCase]:
    """The cases the oracle's messages describe (fresh, or from the case cache)."""
    cases: list[OracleCase] = []
    try:
        for message in messages:
            expected_raw = message["expected"]
            expected: object
            if "raises" in expected_raw:
                expected = Raised(type=str(expected_raw["raises"]))
            else:
                expected = decode(expected_raw["output"])
            cases.append(
                OracleCase(
                    index=int(message["index"]),
                    name=str(message["name"]),
                    inputs=message["inputs"],
                    expected=expected,
                    tol=Tolerance(atol=float(message["atol"]), rtol=float(message["rtol"])),
                    timeout=message.get("timeout"),
                    note=str(message.get("note") or ""),
                )
            )
    except (DecodeError, KeyError, TypeError, ValueError) as error:
        raise KataError(
            f"the case generator of kata {kata.name!r} sent a malformed case ({error})"
        ) from error
    if not cases:
        raise KataError(f"the case generator of kata {kata.name!r} produced no cases")
    return cases


def oracle_messages(
    server: ForkServer, kata: Kata, seed: int, timeout: float = 300.0
) -> list[dict[str, Any]]:
    """Run the kata's `cases.py` and reference (trusted) for `seed`: one message per case."""
    limits = Limits(run_timeout=timeout, memory_mb=8192)
    run_dir = make_run_dir("oracle")
    job = Job(
        server, {**base_job(kata, "oracle", limits), "seed": seed}, run_dir, limits.output_bytes
    )
    deadline = time.monotonic() + timeout
    messages: list[dict[str, Any]] = []
    try:
        while True:
            message = channel.receive(job.sock, deadline)
            event = message.get("event")
            if event == "done":
                break
            if event == "case":
                messages.append(message)
    except (channel.ChannelClosed, channel.ChannelTimeout, channel.ChannelError) as error:
        status = job.finish(grace=0.5)
        detail = job.captured().strip()[-3000:]
        raise KataError(
            f"the case generator of kata {kata.name!r} failed ({type(error).__name__}; "
            f"{describe_status(status, limits)}):\n{detail}"
        ) from error
    finally:
        job.finish(grace=ENDING_GRACE)
        job.close()
    return messages


# -- solutions --------------------------------------------------------------------------------


_ALLOCATION_FAILURES = ("can't allocate memory", "std::bad_alloc", "DefaultCPUAllocator")


def _out_of_memory(raised: Raised) -> bool:
    """Whether an exception is an allocation the address-space limit refused."""
    if "MemoryError" in raised.mro:
        return True
    return raised.type == "RuntimeError" and any(m in raised.message for m in _ALLOCATION_FAILURES)


def _outcome(message: dict[str, Any], limits: Limits) -> Outcome:
    banned = message.get("banned") or []
    mutated = message.get("mutated") or []
    result: Output | Raised | None = None
    try:
        if "output" in message:
            result = Output(decode(message["output"]), float(message.get("elapsed") or 0.0))
        elif "error" in message:
            err = message["error"]
            result = Raised(
                type=str(err["type"]),
                mro=tuple(str(m) for m in err.get("mro", [])),
                message=str(err.get("message", "")),
                frames=tuple(str(f) for f in err.get("frames", [])),
            )
    except (DecodeError, KeyError, TypeError, ValueError):
        return Problem(ERROR, "the solution's process sent malformed data")
    if banned:
        return Problem(ERROR, f"{banned[0]} is not allowed in this kata", result)
    if "unsupported" in message:
        return Problem(
            ERROR, f"returned {message['unsupported']}: not an allowed result type for this kata"
        )
    if mutated:
        names = ", ".join(str(m) for m in mutated)
        return Problem(ERROR, f"modified its input(s) in place: {names}; work on copies", result)
    if result is None:
        return Problem(ERROR, "the solution's process sent malformed data")
    if isinstance(result, Raised) and _out_of_memory(result):
        where = f" ({result.frames[-1]})" if result.frames else ""
        return Problem(ERROR, f"memory limit ({limits.memory_mb} MiB) exceeded{where}", result)
    return result


def cases_request(cases: Sequence[OracleCase]) -> bytes:
    """The frame `{"cases": [{"index": ..., "inputs": ...}, ...]}`, from each case's cached JSON."""
    items = b",".join(b'{"index":%d,"inputs":%s}' % (c.index, c.inputs_json) for c in cases)
    return b'{"cases":[' + items + b"]}"


def run_solution(
    server: ForkServer,
    kata: Kata,
    file: Path,
    cases: Sequence[OracleCase],
    limits: Limits,
    *,
    fail_fast: bool = False,
    is_failure: Any = None,
    hidden: Sequence[Path] = (),
) -> SolutionRun:
    """Run `file` on `cases` in sandboxed children; respawn after time-outs and crashes."""
    run = SolutionRun()
    pending = [c.index for c in cases]
    by_index = {c.index: c for c in cases}
    run_deadline = time.monotonic() + limits.run_timeout
    timeouts = crashes = 0
    outputs: list[str] = []
    while pending:
        if time.monotonic() >= run_deadline:
            for index in pending:
                run.outcomes[index] = Problem(
                    TIMEOUT, f"not run: the whole run exceeded its {limits.run_timeout:g} s limit"
                )
            break
        run_dir = make_run_dir("solution")
        stem = file.stem if file.stem.isidentifier() else "solution"
        copy = run_dir / f"{stem}.py"
        shutil.copyfile(file, copy)
        job_spec = {
            **base_job(kata, "solution", limits),
            "file": str(copy),
            "shown_as": file.name,
            "banned": banned_spec(kata),
            "hidden": [str(h) for h in hidden],
        }
        job = Job(server, job_spec, run_dir, limits.output_bytes)
        current: int | None = None
        loaded = False
        stop = False
        try:
            channel.send_raw(job.sock, cases_request([by_index[i] for i in pending]))
            deadline = min(run_deadline, time.monotonic() + limits.load_timeout)
            while True:
                message = channel.receive(job.sock, deadline)
                event = message.get("event")
                if event == "sandbox" and not loaded:
                    run.boundary = {
                        k: message.get(k) for k in ("mode", "landlock_abi", "namespaces")
                    }
                elif event == "loaded":
                    loaded = True
                    deadline = min(run_deadline, time.monotonic() + limits.load_timeout)
                elif event == "load_error":
                    err = message.get("error") or {}
                    raised = Raised(
                        type=str(err.get("type", "Error")),
                        message=str(err.get("message", "")),
                        frames=tuple(str(f) for f in err.get("frames", [])),
                    )
                    banned = message.get("banned") or []
                    run.load_error = (
                        f"{banned[0]} is not allowed in this kata" if banned
                        else output_limit_message(limits.output_bytes)
                        if _hit_output_limit(raised, job)
                        else f"{file.name} could not be loaded: {raised.describe()}"
                    )  # fmt: skip
                    pending = []
                    break
                elif event == "start" and loaded and message.get("index") in pending:
                    current = int(message["index"])
                    case_timeout = by_index[current].timeout or limits.case_timeout
                    deadline = min(run_deadline, time.monotonic() + case_timeout)
                elif event == "result" and current is not None and message.get("index") == current:
                    outcome = _outcome(message, limits)
                    if isinstance(outcome, Raised) and _hit_output_limit(outcome, job):
                        outcome = Problem(ERROR, output_limit_message(limits.output_bytes))
                    run.outcomes[current] = outcome
                    pending.remove(current)
                    if (
                        fail_fast
                        and is_failure is not None
                        and is_failure(by_index[current], outcome)
                    ):
                        stop = True
                        break
                    if isinstance(outcome, Raised) and outcome.type == "MemoryError":
                        crashes += 1  # each try costs seconds of allocation: treat like a crash
                        if crashes >= MAX_CRASHES:
                            break
                    current = None
                    deadline = min(run_deadline, time.monotonic() + limits.load_timeout)
                elif event == "done" and loaded and current is None:
                    for index in pending:
                        run.outcomes[index] = Problem(
                            ERROR, "the solution's process skipped this case"
                        )
                    pending = []
                    break
                else:
                    raise channel.ChannelError(f"unexpected event {event!r}")
        except channel.ChannelTimeout:
            if current is None and not loaded:
                run.load_error = (
                    f"{file.name} did not finish loading within {limits.load_timeout:g} s "
                    "(an endless loop at import time?)"
                )
                pending = []
            elif current is None:
                crashes += 1
            else:
                limit = by_index[current].timeout or limits.case_timeout
                over = time.monotonic() >= run_deadline
                run.outcomes[current] = Problem(
                    TIMEOUT,
                    f"timed out after {limit:g} s (an endless loop, or an algorithm too slow "
                    "for this size?)"
                    if not over
                    else f"the whole run exceeded its {limits.run_timeout:g} s limit",
                )
                pending.remove(current)
                timeouts += 1
                stop = fail_fast  # a time-out is a failure: no need to wait for another
        except (channel.ChannelClosed, channel.ChannelError) as error:
            status = job.finish(grace=0.5)
            what = describe_status(status, limits)
            if isinstance(error, channel.ChannelError):
                what = f"the solution's process broke the protocol ({error})"
            if not loaded:
                run.load_error = f"{file.name} could not be loaded: {what}"
                pending = []
            elif current is not None:
                run.outcomes[current] = Problem(ERROR, f"{what} while running this case")
                pending.remove(current)
                crashes += 1
            else:
                crashes += 1
        finally:
            job.finish(grace=0 if current is not None or not loaded else ENDING_GRACE)
            outputs.append(job.captured())
            job.close()
        if stop:
            break
        if pending and (timeouts >= MAX_TIMEOUTS or crashes >= MAX_CRASHES):
            why = (
                f"{timeouts} earlier cases timed out" if timeouts >= MAX_TIMEOUTS
                else "earlier cases crashed or ran out of memory"
            )  # fmt: skip
            for index in pending:
                run.outcomes[index] = Problem(
                    ERROR if crashes >= MAX_CRASHES else TIMEOUT, f"not run: {why}"
                )
            pending = []
    run.output = "\n".join(o for o in outputs if o.strip())[: 2 * OUTPUT_SHOWN]
    return run
