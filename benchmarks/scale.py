"""Scale benchmark (issue 17): many decks, a long review history, every everyday command.

    python benchmarks/run.py --scale [--runs N] [--cards N] [--decks N] [--reviews N] [--years N]

Generates (in a temporary folder, never committed) `--decks` YAML decks holding
`--cards` cards in all, and a progress store with `--reviews` review rows
spread over `--years` years, then times `quiz` (first card, warm cache),
`stats`, `stats --json`, `deck list`, `plan` and a 200-answer scripted session
against `mlprep --help` in the same run, with the peak RSS of each child.

How the store is made (written directly with sqlite3, in the schema that
`mlprep.store.open_store` creates):

- Every studied card's history is replayed with the real `fsrs` scheduler
  (the same one `mlprep` uses, fuzzing off, desired retention 0.9): each
  review happens when the card falls due plus a random lateness, its grade is
  drawn from the card's FSRS retrievability at that moment (recalled: Hard
  15 %, Good 75 %, Easy 10 %; forgotten: Again; auto-graded card types only
  ever get Good or Again, as the quiz gives them). So every row's
  `state_before`/`state_after` JSON, and each card's `card_states` row (its
  last `state_after`), are exactly what `mlprep quiz` would have written.
- Cards are introduced one after another over the first half of the window
  (deck by deck in turn) until the requested number of reviews is reached;
  cards never reached stay new (no state, no reviews). The last card's history
  may be cut short by that count, which still leaves a consistent state.
- Approximations: no cram-mode rows, no undo, no kata attempts or exams; the
  daily new-card limit and review cap are not applied while simulating (a
  heavy user's day here can exceed 200 reviews); one session id per day;
  answer times are log-normal around 8 s. The history ends three days before
  "now" (a user back from a short break), so that today's review cap is
  untouched and the scripted session has a backlog of due cards to answer.
"""

from __future__ import annotations

import json
import math
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from gen_deck import card_yaml  # noqa: E402

MLPREP = [sys.executable, "-m", "mlprep"]
TOPICS = ("attention", "optimisation", "evaluation", "systems", "classical")
DAY = 86_400.0
SESSION_ANSWERS = 200


@dataclass
class Child:
    seconds: float
    rss_mib: float
    returncode: int
    stdout: str
    stderr: str


# A small launcher: forks the command, times it from the fork to its exit and reads the child's
# own peak RSS. Measuring from this small process (not from the benchmark, which has grown while
# building the store) matters: Linux counts the parent's resident size at fork in ru_maxrss.
LAUNCHER = """
import os, sys, time
out = sys.argv[1]
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_pid, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - started
with open(out, "w") as f:
    f.write(f"{seconds} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def run_child(command: Sequence[str], env: dict[str, str], stdin: str = "") -> Child:
    """Run one child; its wall time and its own peak RSS, both measured by LAUNCHER."""
    with (
        tempfile.TemporaryFile("w+") as inp,
        tempfile.TemporaryFile("w+") as out,
        tempfile.TemporaryFile("w+") as err,
        tempfile.TemporaryDirectory() as folder,
    ):
        inp.write(stdin)
        inp.seek(0)
        facts = Path(folder) / "facts"
        launcher = [sys.executable, "-S", "-c", LAUNCHER, str(facts)]
        subprocess.run([*launcher, *command], env=env, stdin=inp, stdout=out, stderr=err)
        seconds, rss_kib, code = facts.read_text().split()
        out.seek(0)
        err.seek(0)
        return Child(float(seconds), int(rss_kib) / 1024, int(code), out.read(), err.read())


def checked(command: Sequence[str], env: dict[str, str], stdin: str = "") -> Child:
    child = run_child(command, env, stdin)
    if child.returncode not in (0, 1):
        raise SystemExit(
            f"{' '.join(command)} failed ({child.returncode}):\n{child.stderr[-2000:]}"
        )
    return child


# -- decks ---------------------------------------------------------------------------------
def deck_ids(decks: int) -> list[str]:
    return [f"scale-{d:02d}" for d in range(decks)]


def card_index(deck: int, position: int, per_deck: int) -> int:
    return deck * per_deck + position


def write_decks(folder: Path, cards: int, decks: int, seed: int = 0) -> list[list[str]]:
    """`decks` YAML files with `cards` cards in all (gen_deck's cards); the card ids per deck."""
    rng = random.Random(seed)
    per_deck = cards // decks
    ids: list[list[str]] = []
    for d, deck_id in enumerate(deck_ids(decks)):
        count = per_deck + (1 if d < cards % decks else 0)
        with (folder / f"{deck_id}.yaml").open("w", encoding="utf-8") as out:
            out.write(
                f"id: {deck_id}\ntitle: {{en: Scale deck {d}, zh: 规模 {d}}}\n"
                f"topic: {TOPICS[d % len(TOPICS)]}\ncards:\n"
            )
            deck_cards = []
            for position in range(count):
                index = card_index(d, position, per_deck + 1)
                out.write(card_yaml(index, rng))
                deck_cards.append(f"card-{index}")
        ids.append(deck_cards)
    return ids


# -- store ---------------------------------------------------------------------------------
def card_kind(card_id: str) -> str:
    return ("basic", "mcq", "typed", "cloze")[int(card_id.split("-")[1]) % 4]


def simulate_card(
    scheduler: object,
    deck_id: str,
    card_id: str,
    start: float,
    end: float,
    budget: int,
    rng: random.Random,
) -> Iterator[tuple[object, ...]]:
    """One card's review rows, replayed with FSRS from `start` until `end` or `budget` rows."""
    import zlib

    from fsrs import Card, Rating, State

    auto = card_kind(card_id) != "basic"
    card = Card(card_id=zlib.crc32(f"{deck_id}/{card_id}".encode()))
    before: str | None = None
    at = start
    for _ in range(budget):
        now = datetime.fromtimestamp(at, timezone.utc)
        if before is None or card.state != State.Review:
            p_recall = 0.85
        else:
            p_recall = float(scheduler.get_card_retrievability(card, now))  # type: ignore[attr-defined]
        recalled = rng.random() < p_recall
        if not recalled:
            rating = 1
        elif auto:
            rating = 3
        else:
            roll = rng.random()
            rating = 2 if roll < 0.15 else (3 if roll < 0.90 else 4)
        card, _log = scheduler.review_card(card, Rating(rating), review_datetime=now)  # type: ignore[attr-defined]
        after = card.to_json()
        duration = int(min(120_000, rng.lognormvariate(math.log(8_000), 0.6)))
        yield (
            deck_id,
            card_id,
            rating,
            at,
            duration,
            (int(rating > 1) if auto else None),
            before,
            after,
            f"sim-{int(at // DAY)}",
        )
        before = after
        due = card.due.timestamp()
        if card.state == State.Review:
            late = rng.expovariate(1 / (0.6 * DAY))  # people come back late
        else:
            late = rng.expovariate(1 / 300.0)  # learning steps: minutes, same sitting
        at = max(due, at + 1.0) + late
        if at >= end:
            return


def build_store(
    path: Path, card_ids: list[list[str]], reviews: int, years: float, now: float, seed: int = 0
) -> dict[str, float]:
    """Write the store; returns facts about it (counts, seconds taken)."""
    from fsrs import Scheduler

    from mlprep.store import open_store, schedule_columns

    started = time.perf_counter()
    open_store(path).close()
    rng = random.Random(seed)
    scheduler = Scheduler(desired_retention=0.9, enable_fuzzing=False)
    end = now - 3 * DAY  # back after a three-day break: a backlog of due cards
    begin = end - years * 365 * DAY
    # Introduction order: deck by deck in turn, each deck in file order.
    order = [
        (deck_ids(len(card_ids))[d], ids[i])
        for i in range(max(map(len, card_ids)))
        for d, ids in enumerate(card_ids)
        if i < len(ids)
    ]
    staging = path.with_name("staging.db")
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA synchronous = OFF")
    db.execute(f"ATTACH DATABASE '{staging}' AS staging")
    db.execute("PRAGMA staging.journal_mode = OFF")
    db.execute("PRAGMA staging.synchronous = OFF")
    db.execute(
        "CREATE TABLE staging.rows (deck_id, card_id, rating, reviewed_at, duration_ms,"
        " correct, state_before, state_after, session_id)"
    )
    written = 0
    studied = 0
    states: list[tuple[str, str, str, int, float, float | None, float | None]] = []
    db.execute("BEGIN")
    for n, (deck_id, card_id) in enumerate(order):
        if written >= reviews:
            break
        intro = begin + (n / len(order)) * (end - begin) * 0.5 + rng.random() * 3600
        rows = list(simulate_card(scheduler, deck_id, card_id, intro, end, reviews - written, rng))
        if not rows:
            continue
        db.executemany("INSERT INTO staging.rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        written += len(rows)
        studied += 1
        last = json.loads(str(rows[-1][7]))
        due = datetime.fromisoformat(last["due"]).timestamp()
        fsrs_json = str(rows[-1][7])
        # stability and last_review: the columns Store._put_state derives, by the same helper
        states.append(
            (deck_id, card_id, fsrs_json, int(last["state"]), due, *schedule_columns(fsrs_json))
        )
    db.execute("COMMIT")
    simulated = time.perf_counter() - started
    db.execute("BEGIN")
    db.execute(
        "INSERT INTO reviews (deck_id, card_id, rating, mode, reviewed_at, duration_ms, correct,"
        " state_before, state_after, session_id)"
        " SELECT deck_id, card_id, rating, 'review', reviewed_at, duration_ms, correct,"
        " state_before, state_after, session_id FROM staging.rows ORDER BY reviewed_at"
    )
    db.executemany(
        "INSERT INTO card_states (deck_id, card_id, fsrs, state, due, stability, last_review)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        states,
    )
    # The review totals are kept by triggers, which fired on the INSERT ... SELECT above.
    (answers,) = db.execute("SELECT answers FROM review_totals WHERE id = 1").fetchone()
    if answers != written:
        raise SystemExit(
            f"the store's review totals count {answers} answers, {written} were written"
        )
    db.execute("COMMIT")
    db.execute("DETACH DATABASE staging")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    staging.unlink()
    due_now = sum(1 for s in states if s[4] <= now)
    return {
        "reviews": float(written),
        "studied": float(studied),
        "due": float(due_now),
        "simulate_s": simulated,
        "total_s": time.perf_counter() - started,
        "mib": path.stat().st_size / 2**20,
    }


# -- measuring -----------------------------------------------------------------------------
@dataclass
class Measured:
    name: str
    seconds: float
    rss_mib: float


def median_child(
    runs: int, command: Sequence[str], env: dict[str, str], stdin: str = ""
) -> tuple[float, float, list[Child]]:
    children = [checked(command, env, stdin) for _ in range(runs)]
    return (
        statistics.median(c.seconds for c in children),
        max(c.rss_mib for c in children),
        children,
    )


def commit_times(
    store_path: Path, deck_id: str, card_ids: Sequence[str], now: float
) -> list[float]:
    """Seconds per `Store.answer` (read state, schedule with FSRS, insert, upsert, commit)."""
    from mlprep.quiz.scheduler import Grade, Scheduler
    from mlprep.store import Review, ScheduledAnswer, open_store

    scheduler = Scheduler(fuzz=False)
    moment = datetime.fromtimestamp(now, timezone.utc)
    times: list[float] = []
    with open_store(store_path) as store:
        for card_id in card_ids:

            def schedule(current: object, card_id: str = card_id) -> ScheduledAnswer:
                new = scheduler.review(deck_id, card_id, current, Grade.GOOD, moment)  # type: ignore[arg-type]
                review = Review(
                    deck_id,
                    card_id,
                    3,
                    "review",
                    now,
                    8000,
                    None,
                    current.fsrs if current is not None else None,  # type: ignore[attr-defined]
                    new.fsrs,
                    "bench",
                )
                return ScheduledAnswer(review, new)

            started = time.perf_counter()
            store.answer(deck_id, card_id, schedule)
            times.append(time.perf_counter() - started)
    return times


def run_scale(
    work: Path,
    env: dict[str, str],
    *,
    runs: int,
    cards: int,
    decks: int,
    reviews: int,
    years: float,
) -> tuple[
    list[tuple[str, str, str, float, float, float | None]], list[tuple[str, float]], list[str]
]:
    """Rows (target, measured, floor, value, floor value, limit), peak RSS per command, notes."""
    notes: list[str] = []
    deck_folder = Path(env["MLPREP_DECKS"])
    home = Path(env["MLPREP_HOME"])
    started = time.perf_counter()
    card_ids = write_decks(deck_folder, cards, decks)
    deck_mib = sum(p.stat().st_size for p in deck_folder.glob("*.yaml")) / 2**20
    notes.append(
        f"Decks: {cards:,} cards over {decks} decks ({deck_mib:.0f} MB of YAML), written in "
        f"{time.perf_counter() - started:.1f} s."
    )
    now = time.time()
    facts = build_store(home / "mlprep.db", card_ids, reviews, years, now)
    notes.append(
        f"Store: {int(facts['reviews']):,} reviews of {int(facts['studied']):,} studied cards over "
        f"{years:g} years ({facts['mib']:.0f} MB; {int(facts['due']):,} cards due now), FSRS replay "
        f"{facts['simulate_s']:.0f} s, written in {facts['total_s']:.0f} s in all."
    )

    rows: list[tuple[str, str, str, float, float, float | None]] = []
    rss: list[tuple[str, float]] = []
    help_runs = max(runs, 5)
    helps, help_rss, _ = median_child(help_runs, [*MLPREP, "--help"], env)
    rss.append(("mlprep --help", help_rss))

    first_card = [*MLPREP, "quiz", "--limit", "1"]
    fill = checked(first_card, env)  # fills the deck cache
    notes.append(
        f"First `quiz` start-up (deck cache empty): {fill.seconds:.2f} s, peak RSS {fill.rss_mib:.0f} MiB."
    )
    warm, warm_rss, _ = median_child(runs, first_card, env)
    rows.append(("S1", "first card of quiz, warm cache", "mlprep --help", warm, helps, 4.0))
    rss.append(("quiz, first card (warm cache)", warm_rss))

    for label, command, limit in (
        ("stats", ["stats"], 5.0),
        ("stats --json", ["stats", "--json"], 5.0),
        ("deck list", ["deck", "list"], 5.0),
    ):
        value, peak, _ = median_child(runs, [*MLPREP, *command], env)
        rows.append(("S2", label, "mlprep --help", value, helps, limit))
        rss.append((label, peak))

    interview = (datetime.now() + timedelta(days=45)).strftime("%Y-%m-%d")
    checked([*MLPREP, "plan", "--date", interview], env)
    value, peak, _ = median_child(runs, [*MLPREP, "plan"], env)
    rows.append(("S3", f"plan (interview {interview})", "mlprep --help", value, helps, 8.0))
    rss.append(("plan", peak))

    # A 200-answer scripted session: due basic cards (then new ones), one grade line per card.
    # The review cap is raised so that the 2nd and 3rd runs have cards left to answer today.
    checked([*MLPREP, "config", "review-cap", "99999"], env)
    session = [
        *MLPREP,
        "quiz",
        "--type",
        "basic",
        "--limit",
        str(SESSION_ANSWERS),
        "--new",
        str(SESSION_ANSWERS),
        "--seed",
        "1",
    ]
    script = "3\n" * SESSION_ANSWERS
    db = sqlite3.connect(home / "mlprep.db")
    per_answer: list[float] = []
    totals: list[float] = []
    session_rss = 0.0
    for _ in range(runs):
        (count_before,) = db.execute("SELECT COUNT(*) FROM reviews").fetchone()
        child = checked(session, env, script)
        (count_after,) = db.execute("SELECT COUNT(*) FROM reviews").fetchone()
        answered = count_after - count_before
        if answered <= 0:
            raise SystemExit(f"the scripted session answered nothing:\n{child.stdout[-2000:]}")
        totals.append(child.seconds)
        per_answer.append(max(0.0, child.seconds - warm) / answered)
        session_rss = max(session_rss, child.rss_mib)
        notes.append(
            f"Scripted session: {answered} answers in {child.seconds:.2f} s "
            f"({(child.seconds - warm) / answered * 1000:.1f} ms an answer after the first card)."
        )
    db.close()
    rows.append(
        (
            "S4",
            f"{SESSION_ANSWERS}-answer scripted session",
            "mlprep --help",
            statistics.median(totals),
            helps,
            None,
        )
    )
    rows.append(
        (
            "S4",
            "per answer in the session ((session - first card) / answers)",
            "10 ms (absolute)",
            statistics.median(per_answer),
            0.010,
            1.0,
        )
    )
    rss.append((f"{SESSION_ANSWERS}-answer scripted session", session_rss))

    # The store's own commit path, in process: Store.answer on the long-history store.
    seen = sqlite3.connect(home / "mlprep.db")
    sample = [
        str(card)
        for (card,) in seen.execute(
            "SELECT card_id FROM card_states WHERE deck_id = ? ORDER BY due LIMIT ?",
            (deck_ids(decks)[0], SESSION_ANSWERS),
        )
    ]
    seen.close()
    check = sqlite3.connect(home / "mlprep.db")
    started = time.perf_counter()
    check.execute("PRAGMA quick_check").fetchall()
    notes.append(
        f"For reading the table: `PRAGMA quick_check` on this store (run by `open_store` unless the file is as the last clean session left it) "
        f"takes {time.perf_counter() - started:.2f} s in process."
    )
    check.close()
    commits = commit_times(home / "mlprep.db", deck_ids(decks)[0], sample, now)
    rows.append(
        (
            "S4",
            f"Store.answer median over {len(commits)} answers (in process)",
            "10 ms (absolute)",
            statistics.median(commits),
            0.010,
            1.0,
        )
    )
    notes.append(
        f"Store.answer (read state, FSRS, insert review, upsert state, commit; WAL): median "
        f"{statistics.median(commits) * 1000:.2f} ms, max {max(commits) * 1000:.2f} ms."
    )
    rows += display_rows(runs)
    return rows, rss, notes


def render_seconds(text: str) -> float:
    """Seconds to render one card text the way the quiz does (Markdown through Rich, 100 columns)."""
    import io

    from rich.console import Console

    from mlprep.decks.model import Text
    from mlprep.ui.cards import markdown

    started = time.perf_counter()
    console = Console(file=io.StringIO(), width=100, force_terminal=True)
    console.print(markdown(Text(plain=text), "en"))
    return time.perf_counter() - started


def display_rows(runs: int) -> list[tuple[str, str, str, float, float, float | None]]:
    """S5: showing one huge field is linear in its size (in process, medians of `runs`).

    Deck fields are capped at 65,536 characters by lint, so these sizes only reach the
    screen through code that renders text without loading a deck; they bound the cost.
    """
    from mlprep.decks.schema import MAX_FIELD_CHARS

    mib = 2**20
    prose = "lorem ipsum dolor sit amet "
    marked = "lorem ipsum **dolor** sit amet "
    cases = [
        ("4 MB one-line question (prose), rendered", prose * (4 * mib // len(prose)), 1.0),
        ("4 MB one-line question (no spaces), rendered", "x" * (4 * mib), 1.0),
        ("1 MB with a bold span every 31 characters", marked * (mib // len(marked)), None),
        (
            f"{MAX_FIELD_CHARS:,}-character field (the lint cap), bold every 31 characters",
            marked * (MAX_FIELD_CHARS // len(marked)),
            1.0,
        ),
    ]
    return [
        (
            "S5",
            label,
            "1 s (absolute)",
            statistics.median(render_seconds(text) for _ in range(runs)),
            1.0,
            limit,
        )
        for label, text, limit in cases
    ]
