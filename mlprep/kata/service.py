"""What the kata commands do, one function per command; they return dataclasses for `mlprep.ui`."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from mlprep.errors import UsageError
from mlprep.kata.bench import BenchReport
from mlprep.kata.catalogue import find_kata, load_catalogue
from mlprep.kata.judge.check import DEFAULT_SEED, Checker
from mlprep.kata.model import BENCH_DEVICES, Kata, Verdict
from mlprep.kata.progress import NOT_STARTED, KataStatus, record_attempt, statuses
from mlprep.kata.runner.jobs import Limits
from mlprep.kata.tally import Progress, Tally
from mlprep.kata.workspace import Scaffold, scaffold, solutions_in
from mlprep.paths import Paths


@dataclass(frozen=True)
class CatalogueRow:
    kata: Kata
    status: KataStatus

    def to_json(self, lang: str) -> dict[str, object]:
        return {
            "name": self.kata.name,
            "title": self.kata.title.get(lang),
            "topic": self.kata.topic,
            "difficulty": self.kata.difficulty,
            "status": self.status.status,
            "best": self.status.best or None,
            "attempts": self.status.attempts,
        }


def catalogue(paths: Paths) -> list[CatalogueRow]:
    known = statuses(paths)
    return [
        CatalogueRow(kata, known.get(kata.name, KataStatus(NOT_STARTED)))
        for kata in load_catalogue(paths.shipped_katas)
    ]


def limits_for(kata: Kata, timeout: float | None) -> Limits:
    if timeout is not None and timeout <= 0:
        raise UsageError(f"--timeout must be positive, got {timeout:g}")
    return Limits.for_timeout(timeout if timeout is not None else kata.timeout)


@dataclass(frozen=True)
class Prepared:
    """A kata and the file to check (scaffolded into the workspace unless --file was given)."""

    kata: Kata
    file: Path
    scaffold: Scaffold | None


def prepare(paths: Paths, name: str, file: Path | None, workspace: Path | None) -> Prepared:
    kata = find_kata(paths.shipped_katas, name)
    if file is not None:
        if not file.is_file():
            raise UsageError(
                f"no such file: {file}", hint="give the path of your solution file to --file."
            )
        return Prepared(kata, file.resolve(), None)
    made = scaffold(workspace or paths.workspace, kata)
    return Prepared(kata, made.solution, made)


def check_one(
    paths: Paths,
    kata: Kata,
    file: Path,
    *,
    seed: int = DEFAULT_SEED,
    timeout: float | None = None,
    checker: Checker | None = None,
    record: bool = True,
) -> Verdict:
    """Check `file` against `kata` (with a fresh warm worker unless one is given) and record it."""
    limits = limits_for(kata, timeout)
    if checker is None:
        with Checker(paths.shipped_katas, kata.preload, case_cache=paths.kata_cases) as own:
            verdict = own.check(kata, file, seed, limits)
    else:
        verdict = checker.check(kata, file, seed, limits)
    if record:
        record_attempt(paths, verdict)
    return verdict


def bench_support(paths: Paths, kata: Kata, device: str) -> None:
    """`UsageError` (exit 2) unless `kata` can be benchmarked on `device`."""
    if device not in BENCH_DEVICES:
        raise UsageError(
            f"unknown device {device!r}", hint=f"--device takes {' or '.join(BENCH_DEVICES)}."
        )
    if kata.bench is None:
        names = [k.name for k in load_catalogue(paths.shipped_katas) if k.bench is not None]
        raise UsageError(
            f"kata {kata.name!r} has no bench section, so --bench cannot time it",
            hint="katas that support --bench: " + (", ".join(names) or "none"),
        )
    if device not in kata.bench.devices:
        raise UsageError(
            f"kata {kata.name!r} benchmarks on {', '.join(kata.bench.devices)} only, not {device}",
            hint="run without --device.",
        )


def bench_one(
    paths: Paths,
    kata: Kata,
    file: Path,
    *,
    seed: int = DEFAULT_SEED,
    timeout: float | None = None,
    device: str = "cpu",
    record: bool = True,
) -> BenchReport:
    """Check `file`, then (when it passes) time it against the reference; record the check."""
    bench_support(paths, kata, device)
    limits = limits_for(kata, timeout)
    with Checker(paths.shipped_katas, kata.preload, case_cache=paths.kata_cases) as checker:
        if device == "cuda" and not checker.cuda_available(kata):
            raise UsageError(
                "CUDA is not available on this machine; run without --device",
                hint="(torch in the kata sandbox reports torch.cuda.is_available() == False)",
            )
        report = checker.bench(kata, file, seed, limits, device=device)
    if record:
        record_attempt(paths, report.verdict)
    return report


@dataclass(frozen=True)
class WorkspaceReport:
    workspace: Path
    verdicts: list[Verdict]
    deck_problems: list[str]
    decks_checked: int = 0  # the user's decks found valid

    @property
    def ok(self) -> bool:
        return all(v.ok for v in self.verdicts) and not self.deck_problems

    def to_json(self, lang: str) -> dict[str, object]:
        return {
            "workspace": str(self.workspace),
            "ok": self.ok,
            "katas": [v.to_json(lang) for v in self.verdicts],
            "decks": {
                "ok": not self.deck_problems,
                "valid": self.decks_checked,
                "problems": self.deck_problems,
            },
        }


def user_deck_lint(paths: Paths) -> tuple[int, list[str]]:
    """The user's own decks: how many are valid, and the problems of the others.

    The shipped decks are `verify`'s business.
    """
    if not paths.user_decks.is_dir():
        return 0, []
    from mlprep.decks.catalog import lint

    result = lint(paths, [paths.user_decks])
    return len(result.decks), [str(p) for p in result.problems]


def workspace_solutions(paths: Paths, workspace: Path | None) -> list[tuple[Kata, Path]]:
    """The kata solutions `check` will run (files named NAME.py in the workspace)."""
    where = workspace or paths.workspace
    if not where.is_dir():
        raise UsageError(f"the workspace {where} does not exist", hint="pass --workspace DIR.")
    return solutions_in(where, load_catalogue(paths.shipped_katas))


def check_workspace(
    paths: Paths,
    workspace: Path | None,
    seed: int = DEFAULT_SEED,
    progress: Progress | None = None,
) -> WorkspaceReport:
    """Check every kata with a solution in the workspace, in parallel, plus the user's decks.

    `progress(done, total, what)` hears of the start and of each verdict as it is ready.
    """
    where = workspace or paths.workspace
    found = workspace_solutions(paths, workspace)
    verdicts: list[Verdict] = []
    tally = Tally(len(found), progress)

    def one(item: tuple[Kata, Path], checker: Checker) -> Verdict:
        verdict = check_one(paths, item[0], item[1], seed=seed, checker=checker)
        tally.done(verdict.summary_line())
        return verdict

    if found:
        preload = sorted({m for kata, _ in found for m in kata.preload})
        with Checker(paths.shipped_katas, preload, case_cache=paths.kata_cases) as checker:
            workers = max(1, min(len(found), os.cpu_count() or 1))
            with ThreadPoolExecutor(max_workers=workers) as pool:
                verdicts = list(pool.map(lambda item: one(item, checker), found))
    valid, problems = user_deck_lint(paths)
    return WorkspaceReport(where, verdicts, problems, valid)
