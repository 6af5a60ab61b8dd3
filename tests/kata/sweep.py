"""Check correct solutions over many seeds: `python -m tests.kata.sweep NAME... [--seeds 0-99]`.

The suite checks each solution in `tests/kata/solutions/NAME/` on seed 0; this tool is
for maintainers changing a kata's cases or tolerances: every correct style must pass on
every seed. It prints each failing (solution, seed) with its first failing case and exits 1
if any failed. Also checks the reference (`--reference`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mlprep.kata.catalogue import find_kata
from mlprep.kata.judge.check import Checker

REPO = Path(__file__).resolve().parents[2]
KATAS = REPO / "katas"
SOLUTIONS = Path(__file__).resolve().parent / "solutions"


def _seeds(text: str) -> list[int]:
    seeds: list[int] = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        seeds += list(range(int(lo), int(hi or lo) + 1))
    return seeds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="+")
    parser.add_argument("--seeds", default="0-99", help="e.g. 0-99 or 3,15,29")
    parser.add_argument("--reference", action="store_true", help="also check the reference")
    args = parser.parse_args(argv)
    failures = 0
    katas = [find_kata(KATAS, name) for name in args.names]
    preload = sorted({m for k in katas for m in k.preload})
    with Checker(KATAS, preload) as checker:
        for kata in katas:
            files = sorted((SOLUTIONS / kata.name).glob("*.py"))
            if args.reference:
                files.insert(0, kata.reference)
            for seed in _seeds(args.seeds):
                for file in files:
                    verdict = checker.check(kata, file, seed, diagnose=False)
                    if not verdict.ok:
                        failures += 1
                        bad = next((c for c in verdict.cases if not c.ok), None)
                        detail = verdict.error or (f"{bad.name}: {bad.message}" if bad else "")
                        print(f"FAIL {kata.name}/{file.stem} seed {seed}: {detail[:300]}")
                sys.stdout.flush()
            print(f"{kata.name}: {len(files)} file(s) x {len(_seeds(args.seeds))} seeds done")
    print(f"{failures} failing (file, seed) pair(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
