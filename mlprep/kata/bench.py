"""`mlprep kata NAME --bench`: the growth of a solution's running time against the reference's.

The timing itself runs in sandboxed children (`jobs.BenchProcess`, `worker.bench_job`);
this module alternates the reference's and the solution's children size by size,
fits a growth exponent to each and builds a `BenchReport` (a dataclass; printing
is `mlprep.ui.kata_view`'s business).

The fit is a least-squares line through (log size, log seconds) over the sizes
whose best time is above `NOISE_FLOOR`: time ∝ sizeᵏ gives slope k. It is an
*apparent* exponent over the sizes measured: n log n, for example, reads as
about n^1.1–n^1.2 over a few doublings, which `growth_class` says explicitly.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mlprep.errors import KataError
from mlprep.kata.model import Kata, Verdict
from mlprep.kata.runner.bench_jobs import BenchProcess, Timing
from mlprep.kata.runner.forkserver import ForkServer

NOISE_FLOOR = 1e-4  # seconds: a best time below this is mostly call overhead and timer noise
MIN_FIT_POINTS = 3
GROWTH_MARGIN = 0.3  # warn when the solution's exponent exceeds the reference's by more
CLASS_TOLERANCE = 0.1
ROUNDS = 3  # a size's repeats are split into rounds that alternate reference and solution  # name a growth class only when the exponent is this close to its own


# -- fitting ------------------------------------------------------------------------------------


def fit_exponent(
    sizes: Sequence[float], seconds: Sequence[float | None], floor: float = NOISE_FLOOR
) -> float | None:
    """The slope of log(seconds) against log(size), over the points above `floor`.

    None when fewer than `MIN_FIT_POINTS` points are usable ("too fast to fit").
    """
    points = [
        (math.log(n), math.log(t))
        for n, t in zip(sizes, seconds, strict=True)
        if t is not None and t > floor and n > 0
    ]
    if len(points) < MIN_FIT_POINTS:
        return None
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    if sxx == 0.0:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / sxx


# Common classes, each as a cost function of n; their apparent exponents over the sizes
# actually measured are what a measured exponent is compared with.
CLASSES: tuple[tuple[str, float, float], ...] = (
    # name, power of n, power of log n
    ("1", 0.0, 0.0),
    ("log n", 0.0, 1.0),
    ("n", 1.0, 0.0),
    ("n log n", 1.0, 1.0),
    ("n²", 2.0, 0.0),
    ("n² log n", 2.0, 1.0),
    ("n³", 3.0, 0.0),
)


def apparent_exponent(power: float, log_power: float, sizes: Sequence[int]) -> float | None:
    """The exponent `fit_exponent` reports for exact nᵖ·(log n)^q timings at these sizes."""
    usable = [n for n in sizes if n >= 2]
    if len(usable) < 2:
        return None
    costs = [n**power * math.log(n) ** log_power for n in usable]
    return fit_exponent(usable, costs, floor=0.0) if len(usable) >= MIN_FIT_POINTS else None


def growth_class(exponent: float, sizes: Sequence[int]) -> str | None:
    """The common class whose apparent exponent over `sizes` is nearest, if within 0.1."""
    best: tuple[float, str] | None = None
    for name, power, log_power in CLASSES:
        expected = apparent_exponent(power, log_power, sizes)
        if expected is None:
            continue
        gap = abs(exponent - expected)
        if gap <= CLASS_TOLERANCE and (best is None or gap < best[0]):
            best = (gap, name)
    return best[1] if best else None


def growth_text(exponent: float | None, sizes: Sequence[int]) -> str:
    """`O(n^1.2) (like n log n over these sizes?)`, or why there is no fit."""
    if exponent is None:
        return f"too fast to fit (fewer than {MIN_FIT_POINTS} sizes above {NOISE_FLOOR * 1e3:g} ms)"
    text = f"O(n^{exponent:.1f})"
    name = growth_class(exponent, sizes)
    if name is not None:
        text += f" (≈ {name}?)"
    return text


# -- the report ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Growth:
    """One side's fitted growth: the exponent (None: too fast to fit) over its usable sizes."""

    exponent: float | None
    sizes: tuple[int, ...]  # the sizes measured (fit over those above the noise floor)
    stopped: str = ""  # why timing stopped before the last size, if it did

    @property
    def text(self) -> str:
        return growth_text(self.exponent, self.sizes)

    @property
    def name(self) -> str | None:
        return None if self.exponent is None else growth_class(self.exponent, self.sizes)

    def to_json(self) -> dict[str, object]:
        return {
            "exponent": None if self.exponent is None else round(self.exponent, 3),
            "growth": self.text,
            "class": self.name,
            "sizes_measured": list(self.sizes),
            "stopped": self.stopped or None,
        }


@dataclass(frozen=True)
class BenchRow:
    size: int
    reference: float | None  # best seconds
    solution: float | None

    @property
    def ratio(self) -> float | None:
        if self.reference is None or self.solution is None or self.reference <= 0.0:
            return None
        return self.solution / self.reference


@dataclass(frozen=True)
class BenchReport:
    """What `--bench` found: the check's verdict and, when it passed, the timings and fits."""

    kata: str
    file: Path
    device: str
    label: str
    verdict: Verdict
    rows: tuple[BenchRow, ...] = ()
    reference: Growth | None = None
    solution: Growth | None = None
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    repeats: int = 1

    @property
    def benchmarked(self) -> bool:
        return self.reference is not None and self.solution is not None

    @property
    def ratio_row(self) -> BenchRow | None:
        """The largest size both sides measured."""
        common = [r for r in self.rows if r.ratio is not None]
        return common[-1] if common else None

    @property
    def status(self) -> str:
        if not self.verdict.ok:
            return "failed_check"
        return "grows_faster" if self.warnings else "ok"

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def to_json(self, lang: str = "en") -> dict[str, object]:
        data: dict[str, object] = {
            "kata": self.kata,
            "file": str(self.file),
            "status": self.status,
            "device": self.device,
            "size_label": self.label,
            "check": {
                "status": self.verdict.status,
                "passed": self.verdict.passed,
                "failed": self.verdict.failed,
                "seed": self.verdict.seed,
            },
        }
        if not self.verdict.ok:
            data["check"] = self.verdict.to_json(lang)
            return data
        ratio = self.ratio_row
        data.update(
            {
                "sizes": [
                    {
                        "size": r.size,
                        "reference_s": r.reference,
                        "solution_s": r.solution,
                        "ratio": r.ratio,
                    }
                    for r in self.rows
                ],
                "reference": self.reference.to_json() if self.reference else None,
                "solution": self.solution.to_json() if self.solution else None,
                "ratio": None if ratio is None else ratio.ratio,
                "ratio_size": None if ratio is None else ratio.size,
                "repeats": self.repeats,
                "noise_floor_s": NOISE_FLOOR,
                "growth_margin": GROWTH_MARGIN,
                "warnings": list(self.warnings),
                "notes": list(self.notes),
            }
        )
        return data


def analyse(
    kata: Kata,
    file: Path,
    device: str,
    verdict: Verdict,
    reference: Sequence[Timing],
    solution: Sequence[Timing],
) -> BenchReport:
    """Rows, fits, the ratio and the warnings from both sides' timings."""
    assert kata.bench is not None
    ref = {t.size: t for t in reference}
    sol = {t.size: t for t in solution}
    rows = tuple(
        BenchRow(
            n,
            ref[n].seconds if n in ref else None,
            sol[n].seconds if n in sol else None,
        )
        for n in kata.bench.sizes
        if n in ref or n in sol
    )

    def growth(timings: Sequence[Timing]) -> Growth:
        done = [t for t in timings if t.seconds is not None]
        stopped = next((f"at size {t.size}: {t.problem}" for t in timings if t.problem), "")
        return Growth(
            fit_exponent([t.size for t in done], [t.seconds for t in done]),
            tuple(t.size for t in done),
            stopped,
        )

    ref_growth, sol_growth = growth(reference), growth(solution)
    warnings: list[str] = []
    notes: list[str] = []
    label = kata.bench.label
    if ref_growth.stopped:
        notes.append(f"the reference stopped {ref_growth.stopped}")
    if sol_growth.stopped:
        notes.append(f"your solution stopped {sol_growth.stopped}")
    if (
        ref_growth.exponent is not None
        and sol_growth.exponent is not None
        and sol_growth.exponent - ref_growth.exponent > GROWTH_MARGIN
    ):
        warnings.append(
            f"your solution grows like O(n^{sol_growth.exponent:.1f}), the reference like "
            f"O(n^{ref_growth.exponent:.1f}) (n = {label}; the warning needs a gap above "
            f"{GROWTH_MARGIN:g})"
        )
    late = [
        t for t in solution
        if t.seconds is None and t.size in ref and ref[t.size].seconds is not None
    ]  # fmt: skip
    if late and not warnings:
        first = late[0]
        ref_ms = (ref[first.size].seconds or 0.0) * 1e3
        warnings.append(
            f"your solution did not finish size {first.size} ({first.problem}), "
            f"where the reference took {ref_ms:.3g} ms"
        )
    if (ref_growth.exponent is None or sol_growth.exponent is None) and not warnings:
        notes.append("growth not compared: a side was too fast to fit; the ratio is the comparison")
    return BenchReport(
        kata=kata.name,
        file=file,
        device=device,
        label=label,
        verdict=verdict,
        rows=rows,
        reference=ref_growth,
        solution=sol_growth,
        warnings=tuple(warnings),
        notes=tuple(notes),
        repeats=kata.bench.repeats,
    )


# -- running ------------------------------------------------------------------------------------


def cuda_available(server: ForkServer, kata: Kata) -> bool:
    """Whether torch in the sandbox can use CUDA (asked in a child, never in this process)."""
    from mlprep.kata.runner.bench_jobs import CudaUnavailable

    probe = BenchProcess(server, kata, kata.reference, trusted=True, device="cuda", seed=0)
    try:
        probe.start()
    except CudaUnavailable:
        return False
    finally:
        probe.close()
    return True


def time_both(
    server: ForkServer,
    kata: Kata,
    file: Path,
    *,
    seed: int,
    device: str,
    hidden: Sequence[Path] = (),
) -> tuple[list[Timing], list[Timing]]:
    """The reference's and the solution's timings, alternating size by size.

    A side stops growing at its first size that goes over the budget or fails;
    the other side goes on.
    """
    assert kata.bench is not None
    ref = BenchProcess(server, kata, kata.reference, trusted=True, device=device, seed=seed)
    sol: BenchProcess | None = None
    try:
        ref.start()
        sol = BenchProcess(
            server, kata, file, trusted=False, device=device, seed=seed, hidden=hidden
        )
        sol.start()
        timings: tuple[list[Timing], list[Timing]] = ([], [])
        active = [True, True]
        rounds = min(ROUNDS, kata.bench.repeats)
        share = math.ceil(kata.bench.repeats / rounds)
        for size in kata.bench.sizes:
            best: list[Timing | None] = [None, None]
            for _ in range(rounds):  # ref, sol, ref, sol, ...: load changes hit both sides
                for side, process in enumerate((ref, sol)):
                    if not active[side]:
                        continue
                    timing = process.measure(size, share, kata.bench.budget / rounds)
                    if timing.seconds is None:
                        active[side] = False
                        process.close()
                        best[side] = timing
                    else:
                        best[side] = _better(best[side], timing)
            for side in (0, 1):
                found = best[side]
                if found is not None:
                    timings[side].append(found)
            if not any(active):
                break
        _same_inputs(kata, *timings)
        return timings
    finally:
        ref.close()
        if sol is not None:
            sol.close()


def _better(old: Timing | None, new: Timing) -> Timing:
    """Two rounds of the same size as one: the best call, the calls added up."""
    if old is None or old.seconds is None or new.seconds is None:
        return new
    return Timing(new.size, min(old.seconds, new.seconds), old.runs + new.runs, new.digest)


def _same_inputs(kata: Kata, reference: list[Timing], solution: list[Timing]) -> None:
    ref = {t.size: t.digest for t in reference if t.digest}
    for t in solution:
        if t.digest and t.size in ref and ref[t.size] != t.digest:
            raise KataError(
                f"kata {kata.name!r}: bench_inputs({t.size}, seed) built different inputs for "
                "the reference and the solution; it must depend on (size, seed) only"
            )
