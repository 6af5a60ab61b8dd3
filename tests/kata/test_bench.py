"""`mlprep kata NAME --bench`: the fit, the report, the `bench:` section and the CLI end to end.

No assertion depends on absolute speed: the end-to-end tests use a correct solution whose
growth differs from the reference's by a wide, robust margin (O(n²) against O(n log n)).
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlprep.cli import app
from mlprep.errors import KataError
from mlprep.kata.bench import (
    GROWTH_MARGIN,
    NOISE_FLOOR,
    analyse,
    apparent_exponent,
    fit_exponent,
    growth_text,
)
from mlprep.kata.catalogue import load_kata
from mlprep.kata.model import PASS, Bench, CaseResult, Verdict
from mlprep.kata.runner.bench_jobs import Timing
from tests.kata.conftest import KATAS, kata

BENCH_SOLUTIONS = Path(__file__).resolve().parent / "bench_solutions"
SIZES = [64, 128, 256, 512, 1024]
runner = CliRunner()


# -- the fit --------------------------------------------------------------------------------------


def test_fit_exponent_on_synthetic_timings() -> None:
    linear = [2e-6 * n for n in SIZES]
    quadratic = [1e-7 * n * n for n in SIZES]
    assert fit_exponent(SIZES, linear) == pytest.approx(1.0, abs=1e-9)
    assert fit_exponent(SIZES, quadratic) == pytest.approx(2.0, abs=1e-9)
    wide = [2**k for k in range(10, 17)]  # 1024 … 65536
    n_log_n = [1e-7 * n * math.log(n) for n in wide]
    exponent = fit_exponent(wide, n_log_n)
    assert exponent == pytest.approx(1.1, abs=0.05)
    assert exponent == pytest.approx(apparent_exponent(1, 1, wide))
    # noise does not move a clean fit much
    jitter = [t * f for t, f in zip(quadratic, [1.05, 0.97, 1.02, 0.99, 1.01], strict=True)]
    assert fit_exponent(SIZES, jitter) == pytest.approx(2.0, abs=0.05)


def test_fit_leaves_out_times_under_the_noise_floor() -> None:
    under = NOISE_FLOOR / 2
    times = [under, under, 1e-3, 4e-3, 1.6e-2]  # only the last three count: quadratic
    assert fit_exponent(SIZES, times) == pytest.approx(2.0, abs=1e-9)
    assert fit_exponent(SIZES, [under, under, under, 1e-3, 4e-3]) is None
    assert fit_exponent(SIZES, [1e-3, None, 4e-3, None, None]) is None
    assert growth_text(None, SIZES).startswith("too fast to fit")


def test_growth_text_names_a_class_only_when_close() -> None:
    assert growth_text(2.02, SIZES) == "O(n^2.0) (≈ n²?)"
    assert growth_text(0.98, SIZES) == "O(n^1.0) (≈ n?)"
    # n log n over 64…1024 reads as about n^1.18: that is what it is compared with
    assert apparent_exponent(1, 1, SIZES) == pytest.approx(1.18, abs=0.01)
    assert growth_text(1.2, SIZES) == "O(n^1.2) (≈ n log n?)"
    assert growth_text(1.5, SIZES) == "O(n^1.5)"
    assert growth_text(2.6, SIZES) == "O(n^2.6)"


def _verdict(name: str) -> Verdict:
    return Verdict(name, Path("x.py"), 0, (CaseResult("typical[0]", PASS),))


def _timings(exponent: float, scale: float = 1e-3) -> list[Timing]:
    return [Timing(n, scale * (n / SIZES[0]) ** exponent, 5, "d") for n in SIZES]


def test_report_warns_above_the_margin_only() -> None:
    wildcard = kata("wildcard")
    report = analyse(
        wildcard, Path("x.py"), "cpu", _verdict("wildcard"), _timings(1.0), _timings(2.0, 2e-3)
    )
    assert report.status == "grows_faster" and not report.ok
    assert report.warnings == (
        "your solution grows like O(n^2.0), the reference like O(n^1.0) "
        f"(n = {wildcard.bench.label if wildcard.bench else ''}; the warning needs a gap above "
        f"{GROWTH_MARGIN:g})",
    )
    assert report.ratio_row is not None and report.ratio_row.size == 1024
    assert report.ratio_row.ratio == pytest.approx(2 * 16)
    data = report.to_json()
    assert data["ratio"] == pytest.approx(32) and data["ratio_size"] == 1024
    assert isinstance(data["solution"], dict) and data["solution"]["exponent"] == 2.0

    close = analyse(
        wildcard, Path("x.py"), "cpu", _verdict("wildcard"), _timings(1.0), _timings(1.25)
    )
    assert close.ok and close.warnings == ()


def test_report_warns_when_the_solution_stops_early() -> None:
    solution = [*_timings(1.0)[:3], Timing(512, None, problem="over the 10 s budget")]
    report = analyse(
        kata("wildcard"), Path("x.py"), "cpu", _verdict("wildcard"), _timings(1.0), solution
    )
    assert report.status == "grows_faster"
    assert report.warnings[0].startswith(
        "your solution did not finish size 512 (over the 10 s budget), where the reference took"
    )
    assert "your solution stopped at size 512: over the 10 s budget" in report.notes
    assert report.solution is not None and report.solution.sizes == (64, 128, 256)


# -- the bench: section ---------------------------------------------------------------------------


def _with_bench(tmp_path: Path, bench_yaml: str, *, keep_function: bool = True) -> Path:
    folder = tmp_path / "wildcard"
    shutil.copytree(KATAS / "wildcard", folder, ignore=shutil.ignore_patterns("__pycache__"))
    meta = folder / "kata.yaml"
    text = meta.read_text(encoding="utf-8")
    start = text.index("\nbench:")
    end = text.index("\nbanned:")
    meta.write_text(text[:start] + "\n" + bench_yaml.rstrip("\n") + text[end:], encoding="utf-8")
    if not keep_function:
        cases = folder / "cases.py"
        source = cases.read_text(encoding="utf-8")
        cases.write_text(source.replace("def bench_inputs(", "def other_inputs("))
    return folder


def _line_of(folder: Path, needle: str) -> int:
    lines = (folder / "kata.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(needle))


def test_shipped_bench_sections_load() -> None:
    auc = kata("auc").bench
    assert auc == Bench(
        sizes=(500, 1000, 2000, 4000, 8000), label="number of items", repeats=5, budget=10.0
    )
    attention = kata("attention").bench
    assert attention is not None and attention.devices == ("cpu", "cuda")
    assert kata("mha").bench is None


def test_bench_defaults(tmp_path: Path) -> None:
    folder = _with_bench(tmp_path, "bench:\n  sizes: [10, 20, 40]\n")
    assert load_kata(folder).bench == Bench(sizes=(10, 20, 40))


@pytest.mark.parametrize(
    ("bench_yaml", "key", "message"),
    [
        ("bench: [64, 128]", "bench", "expected a mapping"),
        ("bench:\n  label: n\n", "bench.sizes", "missing: give the growing problem sizes"),
        ("bench:\n  sizes: [64, 128]\n", "bench.sizes", "give 3 to 16 sizes"),
        ("bench:\n  sizes: [64, 64, 128]\n", "bench.sizes", "sizes must grow strictly"),
        ("bench:\n  sizes: [256, 128, 64]\n", "bench.sizes", "sizes must grow strictly"),
        ("bench:\n  sizes: [1, 2, '3']\n", "bench.sizes", "must be a list of whole numbers"),
        ("bench:\n  sizes: [true, 2, 3]\n", "bench.sizes", "must be a list of whole numbers"),
        ("bench:\n  sizes: [0, 2, 3]\n", "bench.sizes", "sizes must be at least 1"),
        ("bench:\n  sizes: [1, 2, 3]\n  repeats: 0\n", "bench.repeats", "from 1 to 50"),
        ("bench:\n  sizes: [1, 2, 3]\n  budget: -1\n", "bench.budget", "above 0"),
        ("bench:\n  sizes: [1, 2, 3]\n  label: ''\n", "bench.label", "non-empty"),
        ("bench:\n  sizes: [1, 2, 3]\n  devices: [gpu]\n", "bench.devices", "cpu, cuda"),
        ("bench:\n  sizes: [1, 2, 3]\n  devices: [cuda]\n", "bench.devices", "must include cpu"),
        ("bench:\n  sizes: [1, 2, 3]\n  size: 4\n", "bench.size", "unknown key"),
    ],
)
def test_bad_bench_sections_are_located(
    tmp_path: Path, bench_yaml: str, key: str, message: str
) -> None:
    folder = _with_bench(tmp_path, bench_yaml)
    sub = key.removeprefix("bench.")
    needle = "bench:" if key == "bench" else f"  {sub}:"
    line = _line_of(folder, needle) if key == "bench" or f"\n  {sub}:" in bench_yaml else None
    line = line or _line_of(folder, "bench:")
    with pytest.raises(KataError) as raised:
        load_kata(folder)
    text = str(raised.value)
    assert text.startswith(f"{folder / 'kata.yaml'}:{line} ({key}): "), text
    assert message in text


def test_bench_section_needs_bench_inputs(tmp_path: Path) -> None:
    folder = _with_bench(tmp_path, "bench:\n  sizes: [1, 2, 3]\n", keep_function=False)
    with pytest.raises(KataError, match=r"cases.py defines no bench_inputs\(size, seed\)"):
        load_kata(folder)


# -- the CLI --------------------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_bench_without_a_bench_section_exit_2(home: Path) -> None:
    code, out = run("kata", "mha", "--file", str(KATAS / "mha" / "reference.py"), "--bench")
    flat = out.replace("\n", " ")
    assert code == 2
    assert "kata 'mha' has no bench section, so --bench cannot time it" in flat
    assert "katas that support --bench:" in flat
    supported = flat.split("katas that support --bench:")[1]
    assert all(name in supported for name in ("attention", "auc", "wildcard"))


def test_device_usage_errors_exit_2(home: Path) -> None:
    reference = str(KATAS / "wildcard" / "reference.py")
    code, out = run("kata", "wildcard", "--file", reference, "--device", "cuda")
    assert code == 2 and "--device only applies with --bench" in out
    code, out = run("kata", "wildcard", "--file", reference, "--bench", "--device", "cuda")
    assert code == 2 and "kata 'wildcard' benchmarks on cpu only, not cuda" in out
    code, out = run("kata", "wildcard", "--file", reference, "--bench", "--device", "tpu")
    assert code == 2 and "unknown device 'tpu'" in out


def test_cuda_unavailable_exit_2(home: Path) -> None:
    torch = pytest.importorskip("torch")
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    reference = str(KATAS / "attention" / "reference.py")
    code, out = run("kata", "attention", "--file", reference, "--bench", "--device", "cuda")
    assert code == 2
    assert "CUDA is not available on this machine; run without --device" in out


def test_failing_solution_is_not_benchmarked(home: Path) -> None:
    starter = str(KATAS / "wildcard" / "starter.py")
    code, out = run("kata", "wildcard", "--file", starter, "--bench")
    assert code == 1
    assert "not benchmarked: a solution is timed only once it passes its check" in out
    result = runner.invoke(app, ["kata", "wildcard", "--file", starter, "--bench", "--json"])
    data = json.loads(result.stdout)
    assert result.exit_code == 1 and data["status"] == "failed_check"
    assert "sizes" not in data and data["check"]["status"] == "fail"


def test_bench_json_reference_against_itself(home: Path) -> None:
    reference = str(KATAS / "wildcard" / "reference.py")
    result = runner.invoke(app, ["kata", "wildcard", "--file", reference, "--bench", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["status"] == "ok" and data["device"] == "cpu" and data["warnings"] == []
    assert data["check"]["status"] == "pass"
    assert [row["size"] for row in data["sizes"]] == SIZES
    for side in ("reference", "solution"):
        assert {"exponent", "growth", "class", "sizes_measured", "stopped"} <= set(data[side])
        assert data[side]["sizes_measured"] == SIZES
    assert isinstance(data["ratio"], float) and data["ratio_size"] == 1024
    assert data["growth_margin"] == GROWTH_MARGIN


def test_bench_text_rendering(capsys: pytest.CaptureFixture[str]) -> None:
    from mlprep.ui import kata_view

    report = analyse(
        kata("wildcard"), Path("x.py"), "cpu", _verdict("wildcard"), _timings(1.0), _timings(2.0)
    )
    kata_view.show_bench(report, "en", as_json=False)
    out = capsys.readouterr().out
    for text in ("reference ms", "yours ms", "ratio", "1024", "16×"):
        assert text in out
    assert "reference grows like O(n^1.0) (≈ n?)" in out
    assert "yours grows like     O(n^2.0) (≈ n²?)" in out
    assert "at n = 1024 yours takes 16× the reference's time" in out
    assert "warning: your solution grows like O(n^2.0), the reference like O(n^1.0)" in out
    assert "wildcard bench: grows faster than the reference" in out


def test_quadratic_solution_warns(home: Path) -> None:
    """O(P·N) pairs against the reference's one sort: an exponent gap of about 1."""
    solution = BENCH_SOLUTIONS / "auc_pairwise.py"
    result = runner.invoke(app, ["kata", "auc", "--file", str(solution), "--bench", "--json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert data["status"] == "grows_faster" and data["check"]["status"] == "pass"
    ours, theirs = data["solution"]["exponent"], data["reference"]["exponent"]
    assert ours - theirs > 0.6, data
    assert len(data["warnings"]) == 1
    # the JSON keeps the exponents rounded to 2 places, the message to 1 (0.85 may read 0.8)
    warning = data["warnings"][0]
    assert (
        warning.startswith("your solution grows like O(n^") and "the reference like O(n^" in warning
    )
    assert data["ratio"] > 1


def test_patched_clocks_do_not_fool_the_bench(home: Path, tmp_path: Path) -> None:
    """The same quadratic solution, with every clock in its process frozen: the times come
    from the checker's side, so the growth is still measured and reported."""
    solution = tmp_path / "auc.py"
    solution.write_text(
        "import sys, time\n"
        "time.perf_counter = time.monotonic = time.time = lambda: 0.0\n"
        "time.perf_counter_ns = time.monotonic_ns = lambda: 0\n"
        "for name, module in list(sys.modules.items()):\n"
        "    if name.startswith('mlprep'):\n"
        "        for attr in ('_clock', 'perf_counter', 'monotonic'):\n"
        "            if hasattr(module, attr):\n"
        "                setattr(module, attr, lambda: 0.0)\n"
        + (BENCH_SOLUTIONS / "auc_pairwise.py").read_text()
    )
    result = runner.invoke(app, ["kata", "auc", "--file", str(solution), "--bench", "--json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert data["status"] == "grows_faster", data
    assert data["solution"]["exponent"] - data["reference"]["exponent"] > 0.6
