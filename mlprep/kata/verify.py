"""`mlprep verify`: every shipped kata is trustworthy (reference passes, starter and mutants fail)."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from mlprep.errors import MlprepError
from mlprep.kata.catalogue import find_kata, load_catalogue
from mlprep.kata.judge.check import DEFAULT_SEED, Checker, judge
from mlprep.kata.model import FAIL, PASS, Kata
from mlprep.kata.runner.jobs import Limits, OracleCase
from mlprep.kata.tally import Progress, Tally


@dataclass
class KataVerification:
    """What `verify` found for one kata."""

    name: str
    reference: str = FAIL
    starter: str = FAIL
    mutants_total: int = 0
    killed: int = 0
    survivors: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # reference failures, generator errors

    @property
    def ok(self) -> bool:
        return (
            self.reference == PASS
            and self.starter == FAIL
            and not self.survivors
            and not self.problems
            and self.killed == self.mutants_total
        )

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "name": self.name,
            "reference": self.reference,
            "starter": self.starter,
            "mutants": {
                "total": self.mutants_total,
                "killed": self.killed,
                "survivors": self.survivors,
            },
        }
        if self.problems:
            data["problems"] = self.problems
        return data


@dataclass
class VerifyReport:
    katas: list[KataVerification]
    decks: dict[str, object]

    @property
    def ok(self) -> bool:
        return all(k.ok for k in self.katas) and bool(self.decks.get("ok", True))

    def to_json(self) -> dict[str, object]:
        return {"katas": [k.to_json() for k in self.katas], "decks": self.decks}


def _fails(
    checker: Checker, kata: Kata, file: Path, cases: list[OracleCase], seed: int
) -> tuple[bool, list[str]]:
    """Whether `file` fails at least one case (stopping at the first), and the failures seen."""
    limits = Limits.for_timeout(kata.timeout)
    fail_fast = file != kata.reference
    _cases, run, error = checker.run(kata, file, seed, limits, cases=cases, fail_fast=fail_fast)
    if error is not None:
        return True, [error]
    failures = []
    for case in cases:
        outcome = run.outcomes.get(case.index)
        if outcome is None:
            if not fail_fast:
                failures.append(f"{case.name}: not run")
            continue
        result = judge(case, outcome, kata.entry.params)
        if not result.ok:
            failures.append(f"{case.name}: {result.message}")
    return bool(failures), failures


def verify_kata(checker: Checker, kata: Kata, seed: int) -> KataVerification:
    """Reference, starter and every mutant of one kata, one after another."""
    result = KataVerification(name=kata.name, mutants_total=len(kata.mutants))
    try:
        cases = checker.cases(kata, seed)
    except MlprepError as error:
        result.problems.append(str(error))
        result.survivors = [m.name for m in kata.mutants]
        return result
    files = [kata.reference, kata.starter] + [m.path for m in kata.mutants]
    outcomes = [_fails(checker, kata, f, cases, seed) for f in files]
    ref_failed, ref_failures = outcomes[0]
    result.reference = FAIL if ref_failed else PASS
    result.problems += [f"reference: {f}" for f in ref_failures[:5]]
    result.starter = FAIL if outcomes[1][0] else PASS
    for mutant, (failed, _) in zip(kata.mutants, outcomes[2:], strict=False):
        if failed:
            result.killed += 1
        else:
            result.survivors.append(mutant.name)
    return result


def shipped_decks_summary() -> dict[str, object]:
    """The shipped decks' lint summary (from the decks package)."""
    try:
        from mlprep.decks import lint_shipped
    except ImportError:  # pragma: no cover - the decks package ships with mlprep
        return {"ok": True, "note": "deck lint unavailable"}
    return lint_shipped()


def verify_all(
    katas_root: Path,
    seed: int = DEFAULT_SEED,
    *,
    names: list[str] | None = None,
    decks: Callable[[], dict[str, object]] | None = shipped_decks_summary,
    jobs: int | None = None,
    progress: Progress | None = None,
    case_cache: Path | None = None,
) -> VerifyReport:
    """Verify every kata under `katas_root` (or just `names`), `jobs` katas at a time.

    One warm worker serves every kata; each kata's files run one after another,
    so `jobs` processes run at once (default: one per core). The report lists the
    katas in catalogue order whatever order they finish in; `progress(done, total,
    what)` hears of each kata as it finishes.
    """
    # with names, only those folders are read: a half-written kata elsewhere does not matter
    catalogue = (
        load_catalogue(katas_root) if names is None else [find_kata(katas_root, n) for n in names]
    )
    preload = sorted({m for k in catalogue for m in k.preload})
    workers = max(1, jobs or os.cpu_count() or 1)
    tally = Tally(len(catalogue), progress)

    def one(kata: Kata, checker: Checker) -> KataVerification:
        result = verify_kata(checker, kata, seed)
        verdict = "ok" if result.ok else "FAILED"
        tally.done(f"{kata.name}: {verdict}, {result.killed}/{result.mutants_total} mutants killed")
        return result

    checker = Checker(katas_root, preload, case_cache=case_cache)
    with checker, ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda kata: one(kata, checker), catalogue))
    return VerifyReport(katas=results, decks=decks() if decks is not None else {})
