"""mlprep benchmarks: each target measured side by side with its floor, medians of several runs.

    python benchmarks/run.py [--runs N] [--quick] [--out benchmarks/RESULTS.md]
    python benchmarks/run.py --scale [--runs N] [--cards N] [--decks N] [--reviews N] [--years N]

Builds its own inputs (generated decks, a store with 100,000 review rows) in a
temporary folder, so it never touches your real data. Ratios, not absolute
times, are the targets (see the README's Performance section).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from gen_deck import write_deck  # noqa: E402
from kata_bench import (  # noqa: E402
    check_workspace_seconds,
    kata_names,
    solution_copy,
    verify_seconds,
    watch_rechecks,
)

REPO = HERE.parent

MLPREP = [sys.executable, "-m", "mlprep"]


@dataclass
class Row:
    target: str
    measured: str
    floor: str
    value: float
    floor_value: float
    limit: float | None  # ratio limit; None = report only

    @property
    def ratio(self) -> float:
        return self.value / self.floor_value if self.floor_value else float("nan")

    @property
    def ok(self) -> bool | None:
        return None if self.limit is None else self.ratio <= self.limit


def timed(command: Sequence[str], env: dict[str, str], stdin: str | None = None) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        list(command), env=env, input=stdin, capture_output=True, text=True, timeout=600
    )
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(
            f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr[-2000:]}"
        )
    return elapsed


def median_of(runs: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(runs))


def bare_typer_app(folder: Path, commands: int, options: int) -> Path:
    """The floor: a Typer app with as many commands; each has as many plain options as `quiz`."""
    params = ", ".join(f"o{j}: int = typer.Option(0, help='option {j}')" for j in range(options))
    body = "\n".join(
        f"@app.command('c{i}')\ndef c{i}({params}) -> None:\n    " + '"""Command."""\n'
        for i in range(commands)
    )
    path = folder / "bare_typer.py"
    path.write_text(f"import typer\napp = typer.Typer()\n{body}\napp()\n")
    return path


def command_shape() -> tuple[int, int]:
    """(number of top-level commands, number of options of `mlprep quiz`)."""
    from typer.main import get_command

    from mlprep.cli import app

    group = get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    return len(commands), len(commands["quiz"].params)


def peak_rss_mib(command: Sequence[str], env: dict[str, str]) -> float:
    """Peak resident memory of one child process, its own (not the largest child's so far:
    RUSAGE_CHILDREN's ru_maxrss is the maximum over every child this process waited for)."""
    from scale import run_child

    return run_child(command, env).rss_mib


def seed_store(path: Path, reviews: int) -> None:
    from mlprep.store import open_store

    open_store(path).close()
    db = sqlite3.connect(path)
    now = time.time()
    db.executemany(
        "INSERT INTO reviews (deck_id, card_id, rating, mode, reviewed_at, duration_ms, state_before, state_after)"
        " VALUES ('bench-1000', ?, ?, 'review', ?, 1000, NULL, '{}')",
        ((f"card-{i % 1000}", 1 + i % 4, now - i * 60) for i in range(reviews)),
    )
    db.commit()
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, help="runs per measure (default 5; --scale: 3)")
    parser.add_argument("--quick", action="store_true", help="fewer runs and no 50k deck")
    parser.add_argument("--out", type=Path, help="also write the table as Markdown here")
    parser.add_argument("--no-kata", action="store_true", help="skip the kata targets (P3-P5)")
    parser.add_argument(
        "--scale",
        action="store_true",
        help="only the scale benchmark (issue 17): many decks, a long review history",
    )
    parser.add_argument("--cards", type=int, default=100_000, help="--scale: cards in all")
    parser.add_argument("--decks", type=int, default=20, help="--scale: number of decks")
    parser.add_argument("--reviews", type=int, default=1_000_000, help="--scale: review rows")
    parser.add_argument("--years", type=float, default=3.0, help="--scale: years of history")
    args = parser.parse_args()
    runs = 3 if args.quick else (args.runs or 5)
    if args.scale:
        scale_main(args, args.runs or 3)
        return
    work = Path(tempfile.mkdtemp(prefix="mlprep-bench-"))
    rows: list[Row] = []
    notes: list[str] = []
    try:
        env = bench_env(work)

        # P1: --help against a bare Typer app with as many commands.
        bare = bare_typer_app(work, *command_shape())
        help_runs = max(runs, 11)  # cheap and noisy: more runs
        floor = median_of(help_runs, lambda: timed([sys.executable, str(bare), "--help"], env))
        sub_floor = median_of(
            help_runs, lambda: timed([sys.executable, str(bare), "c0", "--help"], env)
        )
        helps = median_of(help_runs, lambda: timed([*MLPREP, "--help"], env))
        quiz_help = median_of(help_runs, lambda: timed([*MLPREP, "quiz", "--help"], env))
        rows.append(Row("P1", "mlprep --help", "bare Typer app --help", helps, floor, 1.3))
        rows.append(
            Row(
                "P1",
                "mlprep quiz --help",
                "bare Typer app, one command --help",
                quiz_help,
                sub_floor,
                1.3,
            )
        )

        # P2: first card on a 10,000-card deck, cold (no cache) and warm (cached).
        import yaml

        deck10k = write_deck(work / "bench-10k.yaml", 10_000)
        size_mb = deck10k.stat().st_size / 2**20
        text = deck10k.read_text(encoding="utf-8")
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

        def libyaml_parse() -> float:
            started = time.perf_counter()
            yaml.load(text, Loader=loader)
            return time.perf_counter() - started

        parse_floor = median_of(runs, libyaml_parse)
        first_card = [*MLPREP, "quiz", str(deck10k), "--limit", "1"]

        def cold() -> float:
            shutil.rmtree(work / "home" / "cache", ignore_errors=True)
            return timed(first_card, env, stdin="")

        cold_time = median_of(runs, cold)
        timed(first_card, env, stdin="")  # fill the cache
        warm_time = median_of(runs, lambda: timed(first_card, env, stdin=""))
        rows.append(
            Row(
                "P2",
                f"first card, 10k cards ({size_mb:.1f} MB), seen before",
                "mlprep --help",
                warm_time,
                helps,
                3.0,
            )
        )
        rows.append(
            Row(
                "P2",
                "first card, 10k cards, first time",
                "libyaml parse + 2x --help",
                cold_time,
                parse_floor + 2 * helps,
                1.0,
            )
        )
        notes.append(
            f"P2 peak memory, first card on 10k cards (cached): {peak_rss_mib(first_card, env):.0f} MiB"
        )

        # Deck-size growth of quiz start-up (report only).
        sizes = [1_000, 10_000] + ([] if args.quick else [50_000])
        for size in sizes:
            deck = deck10k if size == 10_000 else write_deck(work / f"bench-{size}.yaml", size)
            command = [*MLPREP, "quiz", str(deck), "--limit", "1"]
            timed(command, env, stdin="")
            value = median_of(runs, lambda command=command: timed(command, env, stdin=""))
            rows.append(
                Row(
                    "growth",
                    f"first card, {size:,} cards (cached)",
                    "mlprep --help",
                    value,
                    helps,
                    None,
                )
            )

        # Store with 100,000 review rows: stats (report only; target: well under a second).
        seed_store(work / "home" / "mlprep.db", 100_000)
        stats_time = median_of(runs, lambda: timed([*MLPREP, "stats", "--json"], env))
        rows.append(
            Row(
                "store",
                "stats --json with 100,000 reviews",
                "mlprep --help",
                stats_time,
                helps,
                None,
            )
        )
        notes.append(
            f"stats --json with 100,000 reviews: {stats_time:.2f} s (target: well under a second)"
        )

        if not args.no_kata:
            kata_rows(rows, notes, work, env, runs, quick=args.quick)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    report = render(rows, notes, runs)
    print(report)
    if args.out:
        args.out.write_text(report + "\n", encoding="utf-8")


def bench_env(work: Path) -> dict[str, str]:
    """The environment of every measured command: all of mlprep's folders under `work`."""
    (work / "decks").mkdir(exist_ok=True)
    return dict(
        os.environ,
        MLPREP_HOME=str(work / "home"),
        MLPREP_DECKS=str(work / "decks"),
        MLPREP_WORKSPACE=str(work / "ws"),
        COLUMNS="100",
        MLPREP_LANG="en",
    )


def scale_main(args: argparse.Namespace, runs: int) -> None:
    """`--scale`: the issue 17 table (medians of `runs`, 3 unless --runs says otherwise)."""
    from scale import run_scale

    work = Path(tempfile.mkdtemp(prefix="mlprep-scale-"))
    try:
        env = bench_env(work)
        found, peaks, notes = run_scale(
            work,
            env,
            runs=runs,
            cards=args.cards,
            decks=args.decks,
            reviews=args.reviews,
            years=args.years,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows = [Row(*row) for row in found]
    lines = [
        render(rows, [], runs),
        "",
        "| peak RSS of | MiB | limit | ok |",
        "| --- | ---: | ---: | --- |",
    ]
    for name, mib in peaks:
        lines.append(f"| {name} | {mib:.0f} | 200 | {'yes' if mib <= 200 else '**NO**'} |")
    lines += ["", *notes]
    report = "\n".join(lines)
    print(report)
    if args.out:
        args.out.write_text(report + "\n", encoding="utf-8")


def kata_rows(
    rows: list[Row], notes: list[str], work: Path, env: dict[str, str], runs: int, *, quick: bool
) -> None:
    # P3: a cold verdict on a correct attention solution against the floor every checker pays.
    floor = median_of(runs, lambda: timed([sys.executable, "-c", "import torch, pytest"], env))
    solution = solution_copy(work, "attention", REPO)
    verdict = [*MLPREP, "kata", "attention", "--file", str(solution), "--json"]
    cold = median_of(runs, lambda: timed(verdict, env))
    rows.append(
        Row(
            "P3",
            "kata attention --file F --json (correct)",
            "python -c 'import torch, pytest'",
            cold,
            floor,
            1.6,
        )
    )

    # P4: re-check after a save in --watch (warm worker) against a cold verdict.
    first, rechecks = watch_rechecks(work, "attention", REPO, env, saves=max(3, runs))
    recheck = statistics.median(rechecks)
    rows.append(
        Row("P4", "watch: save -> verdict (warm worker)", "cold verdict (P3)", recheck, cold, 0.25)
    )
    notes.append(
        f"P4 first verdict inside --watch: {first:.2f} s; re-checks: "
        + ", ".join(f"{r:.2f}" for r in rechecks)
    )

    # P5: verify and check across cores, and how they grow with the number of katas.
    names = kata_names(REPO)
    counts = sorted({1, max(1, len(names) // 4), max(1, len(names) // 2), len(names)})
    if quick:
        counts = [counts[0], counts[-1]]
    base = None
    for count in counts:
        seconds = verify_seconds(REPO, env, count)
        base = base or seconds
        rows.append(Row("P5", f"verify, {count} katas", "verify, 1 kata", seconds, base, None))
    serial = verify_seconds(REPO, env, len(names), jobs=1)
    rows.append(
        Row(
            "P5",
            f"verify -j {os.cpu_count()}, {len(names)} katas",
            "verify -j 1 (one kata at a time)",
            seconds,
            serial,
            0.6,
        )
    )
    one = check_workspace_seconds(work, REPO, env, names[:1])
    everything = check_workspace_seconds(work, REPO, env, names)
    rows.append(
        Row(
            "P5",
            f"check, workspace with {len(names)} solutions",
            "check, 1 solution",
            everything,
            one,
            None,
        )
    )
    notes.append(
        f"P5 uses {os.cpu_count()} cores: verify runs that many katas at once (each kata's files one after another); check runs solutions in parallel."
    )


def render(rows: list[Row], notes: list[str], runs: int) -> str:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"
    lines = [
        f"Machine: {machine}; medians of {runs} runs.",
        "",
        "| target | measured | floor | measured s | floor s | ratio | limit | ok |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        verdict = {True: "yes", False: "**NO**", None: "report"}[row.ok]
        limit = f"{row.limit:g}x" if row.limit is not None else "—"
        lines.append(
            f"| {row.target} | {row.measured} | {row.floor} | {row.value:.3f} | {row.floor_value:.3f} | {row.ratio:.2f} | {limit} | {verdict} |"
        )
    lines += ["", *notes]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
