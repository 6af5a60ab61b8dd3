"""Timing jobs for `--bench`: one sandboxed child per file, timing the entry point size by size.

Like `jobs.run_solution`, this only reads the child's frames; the child runs in
a fork of the warm `ForkServer` with the same sandbox as a check.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlprep.errors import KataError
from mlprep.kata import channel
from mlprep.kata.forkserver import ForkServer
from mlprep.kata.jobs import Job, Limits, Raised, base_job, describe_status
from mlprep.kata.model import Kata


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
        self.load_timeout = load_timeout
        limits = Limits(
            case_timeout=bench.budget,
            run_timeout=bench.budget * (len(bench.sizes) + 1),
            load_timeout=load_timeout,
            # CUDA maps a very large virtual address range: no address-space cap there
            memory_mb=1 << 20 if device == "cuda" else 2048,
        )
        self.limits = limits
        self.run_dir = Path(tempfile.mkdtemp(prefix="mlprep-bench-"))
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
            "banned": [{"api": b.api or "", "display": b.display} for b in kata.banned if b.api],
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
        try:
            message = channel.receive(self.job.sock, time.monotonic() + self.load_timeout)
        except (channel.ChannelClosed, channel.ChannelTimeout, channel.ChannelError) as error:
            why = self._failure(error, "building the bench inputs or loading the file")
            self.close()
            raise KataError(f"benchmarking {self.file.name} failed: {why}") from error
        event = message.get("event")
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
        """Time one size (`repeats` calls within `budget` s, default the kata's); a `Timing`
        with a problem when it went over the budget or failed."""
        if self.job is None:
            return Timing(size, None, problem="not run")
        request: dict[str, Any] = {"size": size}
        if repeats is not None:
            request["repeats"] = repeats
        if budget is not None:
            request["budget"] = budget
        try:
            channel.send(self.job.sock, request)
            message = channel.receive(self.job.sock, time.monotonic() + self.load_timeout)
            if message.get("event") != "start" or message.get("size") != size:
                raise channel.ChannelError(f"unexpected event {message.get('event')!r}")
            digest = str(message.get("digest", ""))
            # the child stops repeating at half the budget; one call may not pass the budget
            message = channel.receive(self.job.sock, time.monotonic() + self.budget + 2.0)
        except channel.ChannelTimeout:
            self.close()
            return Timing(size, None, problem=f"over the {self.budget:g} s budget")
        except (OSError, channel.ChannelClosed, channel.ChannelError) as error:
            why = self._failure(error, f"timing size {size}")
            self.close()
            return Timing(size, None, problem=why)
        event = message.get("event")
        if event == "timing" and message.get("size") == size:
            try:
                best, runs = float(message["best"]), int(message["runs"])
            except (KeyError, TypeError, ValueError):
                self.close()
                return Timing(size, None, problem="the process sent malformed data")
            if not best >= 0.0 or runs < 1:
                self.close()
                return Timing(size, None, problem="the process sent malformed data")
            return Timing(size, best, runs, digest)
        if event == "error":
            err = message.get("error") or {}
            raised = Raised(
                type=str(err.get("type", "Error")),
                message=str(err.get("message", "")),
                frames=tuple(str(f) for f in err.get("frames", [])),
            )
            return Timing(size, None, digest=digest, problem=f"raised {raised.describe()}")
        self.close()
        return Timing(size, None, problem=f"unexpected event {event!r}")

    def close(self) -> None:
        job, self.job = self.job, None
        if job is not None:
            with contextlib.suppress(OSError):
                channel.send(job.sock, {"stop": True})
            job.finish(grace=0.5)
        shutil.rmtree(self.run_dir, ignore_errors=True)
