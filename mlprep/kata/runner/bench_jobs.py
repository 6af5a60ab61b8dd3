"""Timing jobs for `--bench`: one sandboxed child per file, timed call by call from here.

Like `jobs.run_solution`, this only reads the child's frames; the child runs in
a fork of the warm `ForkServer` with the same sandbox as a check. The clock is
this process's: the child is told to prepare a call (copy the inputs), then to
make it, and the time between the order and its answer is the call's time. No
clock, timer or number inside the child counts, so patching one changes nothing.
"""

from __future__ import annotations

import contextlib
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mlprep.errors import KataError
from mlprep.kata.model import Kata
from mlprep.kata.runner import channel
from mlprep.kata.runner.forkserver import ForkServer
from mlprep.kata.runner.jobs import Job, Limits, Raised, banned_spec, base_job, describe_status
from mlprep.kata.runner.rundirs import make_run_dir, remove_tree

MIN_SPENT = 0.05  # a size's calls go on until they have taken this long in all ...
MAX_EXTRA = 20  # ... or made this many times `repeats` calls


@dataclass(frozen=True)
class Timing:
    """One size timed in a bench child: the best call in seconds, or why there is none."""

    size: int
    seconds: float | None
    runs: int = 0
    digest: str = ""
    problem: str = ""  # over the budget, raised, crashed: growth stops here


class CudaUnavailable(Exception):
    """The sandbox's torch cannot use CUDA on this machine."""


class _CallFailed(Exception):
    """The timed call raised (in the child): the size has no time."""

    def __init__(self, raised: Raised) -> None:
        super().__init__(raised.describe())
        self.raised = raised


class BenchProcess:
    """One sandboxed child that times one file (the reference or a solution), size by size.

    The child builds every size's inputs before it imports the timed file, then
    waits for `measure(size)` requests; the checker alternates two of them
    (reference, solution) so that a change in machine load hits both alike.
    """

    def __init__(
        self,
        server: ForkServer,
        kata: Kata,
        file: Path,
        *,
        trusted: bool,
        device: str,
        seed: int,
        hidden: Sequence[Path] = (),
        load_timeout: float = 60.0,
    ) -> None:
        bench = kata.bench
        if bench is None:
            raise KataError(f"kata {kata.name!r} has no bench section")
        self.kata = kata
        self.file = file
        self.budget = bench.budget
        self.repeats = bench.repeats
        self.device = device
        self.digests: dict[int, str] = {}
        self.load_timeout = load_timeout
        limits = Limits(
            case_timeout=bench.budget,
            run_timeout=bench.budget * (len(bench.sizes) + 1),
            load_timeout=load_timeout,
            # CUDA maps a very large virtual address range: no address-space cap there
            memory_mb=1 << 20 if device == "cuda" else 2048,
        )
        self.limits = limits
        self.run_dir = make_run_dir("bench")
        if trusted:
            target = file
        else:
            stem = file.stem if file.stem.isidentifier() else "solution"
            target = self.run_dir / f"{stem}.py"
            shutil.copyfile(file, target)
        spec = {
            **base_job(kata, "bench", limits),
            "file": str(target),
            "shown_as": file.name,
            "trusted": trusted,
            "device": device,
            "seed": seed,
            "sizes": list(bench.sizes),
            "repeats": bench.repeats,
            "budget": bench.budget,
            "banned": banned_spec(kata),
            "hidden": [str(h) for h in hidden],
        }
        self.job: Job | None = Job(server, spec, self.run_dir, limits.output_bytes)

    def _failure(self, error: Exception, during: str) -> str:
        assert self.job is not None
        status = self.job.finish(grace=0.5)
        if isinstance(error, channel.ChannelTimeout):
            return f"did not finish {during} in time"
        what = describe_status(status, self.limits)
        if isinstance(error, channel.ChannelError):
            what = f"the process broke the protocol ({error})"
        detail = self.job.captured().strip()[-2000:]
        return f"{what} while {during}" + (f":\n{detail}" if detail else "")

    def start(self) -> None:
        """Wait until the inputs are built and the file is imported; errors say which failed."""
        assert self.job is not None
        deadline = time.monotonic() + self.load_timeout
        try:
            while True:
                message = channel.receive(self.job.sock, deadline)
                event = message.get("event")
                if event == "inputs" and isinstance(message.get("digests"), dict):
                    self.digests = {int(k): str(v) for k, v in message["digests"].items()}
                elif event == "sandbox":
                    self.job.boundary = message
                else:
                    break
        except (
            channel.ChannelClosed, channel.ChannelTimeout, channel.ChannelError, ValueError
        ) as error:  # fmt: skip
            why = self._failure(error, "building the bench inputs or loading the file")
            self.close()
            raise KataError(f"benchmarking {self.file.name} failed: {why}") from error
        if event == "loaded":
            return
        self.close()
        if event == "no_cuda":
            raise CudaUnavailable()
        if event == "setup_error":
            raise KataError(f"kata {self.kata.name!r}: {message.get('message')}")
        if event == "load_error":
            err = message.get("error") or {}
            raised = Raised(type=str(err.get("type", "Error")), message=str(err.get("message")))
            raise KataError(f"{self.file.name} could not be loaded: {raised.describe()}")
        raise KataError(f"benchmarking {self.file.name}: unexpected event {event!r}")

    def measure(self, size: int, repeats: int | None = None, budget: float | None = None) -> Timing:
        """Time one size: at least `repeats` calls (more while they are quick) within `budget` s;
        a `Timing` with a problem when a call went over the budget or failed."""
        if self.job is None:
            return Timing(size, None, problem="not run")
        repeats = repeats or self.repeats
        budget = budget or self.budget
        digest = self.digests.get(size, "")
        best = slowest = spent = 0.0
        runs = 0
        try:
            while runs < repeats or (spent < MIN_SPENT and runs < MAX_EXTRA * repeats):
                took = self._one_call(size, warm=runs == 0 and self.device == "cuda")
                runs += 1
                best = took if runs == 1 else min(best, took)
                slowest = max(slowest, took)
                spent += took
                if spent + slowest > budget / 2:  # another call might not end within the budget
                    break
        except channel.ChannelTimeout:
            self.close()
            return Timing(size, None, problem=f"over the {self.budget:g} s budget")
        except _CallFailed as failed:
            return Timing(size, None, digest=digest, problem=f"raised {failed.raised.describe()}")
        except (OSError, channel.ChannelClosed, channel.ChannelError) as error:
            why = self._failure(error, f"timing size {size}")
            self.close()
            return Timing(size, None, problem=why)
        return Timing(size, best, runs, digest)

    def _one_call(self, size: int, *, warm: bool) -> float:
        """Seconds between telling the child to call and its answer (inputs copied beforehand)."""
        assert self.job is not None
        sock = self.job.sock
        channel.send(sock, {"op": "prepare", "size": size, "warm": warm})
        self._expect("ready", time.monotonic() + self.load_timeout)
        started = time.perf_counter()
        channel.send(sock, {"op": "call"})
        self._expect("called", time.monotonic() + self.budget + 2.0)
        return time.perf_counter() - started

    def _expect(self, wanted: str, deadline: float) -> None:
        assert self.job is not None
        message = channel.receive(self.job.sock, deadline)
        event = message.get("event")
        if event == "error":
            err = message.get("error") or {}
            raise _CallFailed(
                Raised(
                    type=str(err.get("type", "Error")),
                    message=str(err.get("message", "")),
                    frames=tuple(str(f) for f in err.get("frames", [])),
                )
            )
        if event != wanted:
            raise channel.ChannelError(f"unexpected event {event!r}")

    def close(self) -> None:
        job, self.job = self.job, None
        if job is not None:
            with contextlib.suppress(OSError):
                channel.send(job.sock, {"op": "stop"})
            job.finish(grace=0.5)
            job.close()
        remove_tree(self.run_dir)
