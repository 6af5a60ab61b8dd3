"""Checking a solution: cases from the oracle, the solution in the sandbox, the verdict here.

`Checker` owns one warm worker and caches each (kata, seed)'s cases, so a
watch loop or a `verify`/`check` run pays the torch import once.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from mlprep.errors import KataError
from mlprep.install_hint import kata_install_command
from mlprep.kata.case_cache import CaseCache, case_key
from mlprep.kata.judge.compare import Tolerance, compare, difference, is_one_bit
from mlprep.kata.judge.static import banned_uses, read_source, syntax_error
from mlprep.kata.model import ERROR, FAIL, PASS, TIMEOUT, CaseResult, Diagnosis, Kata, Verdict
from mlprep.kata.runner.forkserver import ForkServer
from mlprep.kata.runner.jobs import (
    Limits,
    OracleCase,
    Outcome,
    Output,
    Problem,
    Raised,
    SolutionRun,
    oracle_cases,
    oracle_messages,
    run_solution,
)
from mlprep.paths import resolve_paths

if TYPE_CHECKING:
    from mlprep.kata.bench import BenchReport

DEFAULT_SEED = 0
BASE_PRELOAD = ("numpy",)


def judge(case: OracleCase, outcome: Outcome, params: Sequence[str]) -> CaseResult:
    """Compare one outcome with the expected result."""
    inputs = case.describe_inputs(params)
    if isinstance(outcome, Problem):
        return CaseResult(case.name, outcome.status, outcome.message, inputs)
    expected = case.expected
    if isinstance(expected, Raised):
        if isinstance(outcome, Raised):
            if expected.type in outcome.mro or expected.type == outcome.type:
                return CaseResult(case.name, PASS, "", inputs)
            return CaseResult(
                case.name,
                FAIL,
                f"expected {expected.type}, but it raised {outcome.describe()}",
                inputs,
            )
        return CaseResult(
            case.name,
            FAIL,
            f"expected {expected.type} to be raised, but it returned a value",
            inputs,
        )
    if isinstance(outcome, Raised):
        return CaseResult(case.name, ERROR, f"raised {outcome.describe()}", inputs)
    mismatch = compare(expected, outcome.value, case.tol)
    if mismatch is None:
        return CaseResult(case.name, PASS, "", inputs)
    return CaseResult(
        case.name,
        FAIL,
        mismatch.message,
        inputs,
        mismatch.max_abs,
        mismatch.max_rel,
        mismatch.index,
    )


def is_failure(case: OracleCase, outcome: Outcome) -> bool:
    return not judge(case, outcome, ()).ok


def same_behaviour(a: Outcome, b: Outcome, tol: Tolerance) -> bool:
    """Whether two solutions did the same thing on a case (used to match mutants)."""
    if isinstance(a, Output) and isinstance(b, Output):
        return compare(a.value, b.value, tol) is None
    if isinstance(a, Raised) and isinstance(b, Raised):
        return a.type == b.type and a.message == b.message
    if isinstance(a, Problem) and isinstance(b, Problem):  # both too slow on this case
        return a.status == b.status == TIMEOUT
    return False


class Checker:
    """Runs checks against one catalogue folder with one warm worker."""

    def __init__(
        self,
        katas_root: Path,
        preload: Sequence[str] = (),
        hidden: Sequence[Path] | None = None,
        case_cache: Path | None = None,
    ) -> None:
        self.katas_root = katas_root.resolve()
        if hidden is None:
            hidden = resolve_paths().private()
        # kata code never reaches the references, mutants and cases, nor the user's own files
        self.hidden = [self.katas_root, *hidden]
        self.case_cache = CaseCache(case_cache) if case_cache is not None else None
        if case_cache is not None:
            self.hidden.append(case_cache)
        self.server = ForkServer(BASE_PRELOAD + tuple(preload) + ("hypothesis",))
        self._oracles: dict[tuple[str, int], list[OracleCase]] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Checker:
        self.server.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.server.close()

    def _ensure(self, kata: Kata) -> None:
        self.server.start()
        missing = [m for m in kata.preload if m in self.server.failed_preloads]
        if missing:
            raise KataError(
                f"kata {kata.name!r} needs {', '.join(missing)}, which cannot be imported "
                f"({self.server.failed_preloads[missing[0]]})",
                hint=f"install the kata extra: {kata_install_command()}",
            )

    def cuda_available(self, kata: Kata) -> bool:
        """Whether the sandbox's torch can use CUDA (needs a kata with a bench section)."""
        from mlprep.kata.bench import cuda_available

        self._ensure(kata)
        return cuda_available(self.server, kata)

    def bench(
        self,
        kata: Kata,
        file: Path,
        seed: int = DEFAULT_SEED,
        limits: Limits | None = None,
        *,
        device: str = "cpu",
    ) -> BenchReport:
        """Check `file`; when it passes, time it against the reference over the bench sizes."""
        from mlprep.kata.bench import BenchReport, analyse, time_both

        if kata.bench is None:
            raise KataError(f"kata {kata.name!r} has no bench section")
        verdict = self.check(kata, file, seed, limits)
        if not verdict.ok:
            return BenchReport(kata.name, file, device, kata.bench.label, verdict)
        reference, solution = time_both(
            self.server, kata, file, seed=seed, device=device, hidden=self.hidden
        )
        return analyse(kata, file, device, verdict, reference, solution)

    def cases(self, kata: Kata, seed: int) -> list[OracleCase]:
        key = (kata.name, seed)
        with self._lock:
            cached = self._oracles.get(key)
        if cached is None:
            cached = oracle_cases(kata, self._oracle_messages(kata, seed))
            with self._lock:
                self._oracles[key] = cached
        return cached

    def _oracle_messages(self, kata: Kata, seed: int) -> list[dict[str, Any]]:
        """From the case cache when the kata is unchanged, else from the oracle (then cached)."""
        key = case_key(kata, seed) if self.case_cache is not None else ""
        if self.case_cache is not None:
            found = self.case_cache.get(key)
            if found is not None:
                return found
        self._ensure(kata)
        messages = oracle_messages(self.server, kata, seed)
        if self.case_cache is not None:
            self.case_cache.put(key, messages)
        return messages

    def run(
        self,
        kata: Kata,
        file: Path,
        seed: int,
        limits: Limits,
        *,
        cases: Sequence[OracleCase] | None = None,
        fail_fast: bool = False,
    ) -> tuple[list[OracleCase], SolutionRun, str | None]:
        """Run a file on the cases: (cases, run, file-level error before running)."""
        all_cases = list(cases) if cases is not None else self.cases(kata, seed)
        try:
            source = read_source(file)
        except FileNotFoundError:
            return all_cases, SolutionRun(), f"{file} does not exist"
        except (OSError, ValueError) as error:
            return all_cases, SolutionRun(), f"{file} cannot be read: {error}"
        problem = syntax_error(source, file.name)
        if problem is None:
            uses = banned_uses(source, kata.banned, file.name)
            problem = uses[0] if uses else None
        if problem is not None:
            return all_cases, SolutionRun(), problem
        self._ensure(kata)
        run = run_solution(
            self.server,
            kata,
            file,
            all_cases,
            limits,
            fail_fast=fail_fast,
            is_failure=is_failure,
            hidden=self.hidden,
        )
        return all_cases, run, run.load_error

    def check(
        self,
        kata: Kata,
        file: Path,
        seed: int = DEFAULT_SEED,
        limits: Limits | None = None,
        *,
        diagnose: bool = True,
        fail_fast: bool = False,
    ) -> Verdict:
        """The full verdict for `file`, with a mutant diagnosis when it fails.

        `fail_fast` stops at the first failing case (the others read "not run"):
        for callers that only need to know that, and how, a file fails.
        """
        started = time.monotonic()
        limits = limits or Limits.for_timeout(kata.timeout)
        cases, run, error = self.run(kata, file, seed, limits, fail_fast=fail_fast)
        params = kata.entry.params
        if error is not None:
            results = tuple(
                CaseResult(c.name, ERROR, error, c.describe_inputs(params)) for c in cases
            )
        else:
            results = tuple(
                judge(c, run.outcomes.get(c.index, Problem(ERROR, "not run")), params)
                for c in cases
            )
        diagnosis = None
        if diagnose and error is None and any(not r.ok for r in results):
            diagnosis = self.diagnose(kata, cases, run, results, limits)
        return Verdict(
            kata=kata.name,
            file=file,
            seed=seed,
            cases=results,
            error=error,
            output=run.output,
            diagnosis=diagnosis,
            elapsed=time.monotonic() - started,
            sandbox=dict(run.boundary),
        )

    def diagnose(
        self,
        kata: Kata,
        cases: Sequence[OracleCase],
        run: SolutionRun,
        results: Sequence[CaseResult],
        limits: Limits,
    ) -> Diagnosis | None:
        """The first mutant that behaves like the solution on every case, or None.

        A diagnosis must be right or absent, so a mutant is named only when
        - it agrees with the solution on every failing case, and is much closer to the
          solution than the solution is to the expected result (a float32 near miss is
          not "eps ignored"),
        - it passes every case the solution passes (a mutant that is wrong more often,
          like one that always answers False, explains nothing), and
        - the evidence is more than one bit: several failing cases, or a result that is
          not a bool.
        When every failure is a time-out (the solution is right but too slow), a mutant
        matches if it passes every case the solution passed and times out on the first
        case the solution timed out on: the slow classic mistake, named.
        """
        failing = [
            c for c, r in zip(cases, results, strict=False)
            if not r.ok and isinstance(run.outcomes.get(c.index), (Output, Raised))
        ]  # fmt: skip
        if failing and not _enough_evidence(failing, run):
            return None
        if failing:
            # the mutant must fail where the solution fails, the same way, and pass where it passes
            passed = [c for c, r in zip(cases, results, strict=False) if r.ok]
            probe = sorted(failing + passed, key=lambda c: c.index)
            fails_here = {c.index for c in failing}
        else:
            timed_out = [
                c for c, r in zip(cases, results, strict=False)
                if r.status == TIMEOUT and not r.message.startswith("not run")
            ]  # fmt: skip
            passed = [c for c, r in zip(cases, results, strict=False) if r.ok]
            probe = passed + timed_out[:1] if timed_out else []  # the time-out ends a run
            fails_here = {c.index for c in timed_out[:1]}
        if not probe or not kata.mutants:
            return None
        short = Limits(
            case_timeout=min(limits.case_timeout, 5.0),
            run_timeout=min(limits.run_timeout, 30.0),
            memory_mb=limits.memory_mb,
        )
        params = kata.entry.params

        def diverges(case: OracleCase, outcome: Outcome) -> bool:
            if case.index in fails_here:
                return not _agrees(case, run.outcomes[case.index], outcome)
            return not judge(case, outcome, params).ok

        def matches(index: int) -> bool:
            mutant = kata.mutants[index]
            mrun = run_solution(
                self.server, kata, mutant.path, probe, short, fail_fast=True, is_failure=diverges
            )
            return all(
                c.index in mrun.outcomes and not diverges(c, mrun.outcomes[c.index]) for c in probe
            )

        workers = max(1, min(len(kata.mutants), os.cpu_count() or 1))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            found = list(pool.map(matches, range(len(kata.mutants))))
        for mutant, hit in zip(kata.mutants, found, strict=False):
            if hit:
                return Diagnosis(mutant=mutant.name, text=mutant.diagnosis)
        return None


NEAR_MISS_FACTOR = 4.0  # the mutant must be this much closer to the solution than the answer is


def _enough_evidence(failing: Sequence[OracleCase], run: SolutionRun) -> bool:
    """More than one bit: two failing cases, or one whose result is not a lone bool."""
    if len(failing) > 1:
        return True
    outcome = run.outcomes[failing[0].index]
    return not (isinstance(outcome, Output) and is_one_bit(outcome.value))


def _agrees(case: OracleCase, solution: Outcome, mutant: Outcome) -> bool:
    """Whether the mutant did what the solution did on a case, and not by a near miss."""
    if not same_behaviour(solution, mutant, case.tol):
        return False
    if isinstance(solution, Output) and isinstance(mutant, Output):
        if isinstance(case.expected, Raised):
            return True
        missed_by = difference(solution.value, case.expected)
        return difference(solution.value, mutant.value) * NEAR_MISS_FACTOR <= missed_by
    return True
