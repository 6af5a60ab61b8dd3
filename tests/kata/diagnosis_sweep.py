"""Each mutant, checked as if a user wrote it, is diagnosed as itself or not at all.

`python -m tests.kata.diagnosis_sweep [NAME...]` (maintainers; too slow for the suite:
every mutant's check runs every other mutant on its failing cases). A diagnosis must be
right or absent, so any other name is a finding: two mutants the cases cannot tell
apart on the first one's failures (make the cases tell them apart, or drop a duplicate).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mlprep.kata.catalogue import find_kata, load_catalogue
from mlprep.kata.judge.check import Checker

KATAS = Path(__file__).resolve().parents[2] / "katas"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    katas = [find_kata(KATAS, n) for n in args.names] if args.names else load_catalogue(KATAS)
    preload = sorted({m for k in katas for m in k.preload})
    wrong = 0
    with Checker(KATAS, preload) as checker:
        for kata in katas:
            for mutant in kata.mutants:
                verdict = checker.check(kata, mutant.path, args.seed)
                named = verdict.diagnosis.mutant if verdict.diagnosis else None
                if named not in (None, mutant.name):
                    wrong += 1
                    print(f"WRONG {kata.name}/{mutant.name}: diagnosed as {named}", flush=True)
                elif named is None:
                    print(f"none  {kata.name}/{mutant.name}", flush=True)
    print(f"{wrong} wrong diagnosis(es)")
    return 1 if wrong else 0


if __name__ == "__main__":
    raise SystemExit(main())
