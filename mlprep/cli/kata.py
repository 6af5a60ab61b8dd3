"""`mlprep kata [NAME]`, `mlprep check` and `mlprep verify`: adapters over `mlprep.kata`."""

from __future__ import annotations

from pathlib import Path

import typer

from mlprep.cli.app import state
from mlprep.errors import EXIT_CHECK_FAILED, UsageError


def register(app: typer.Typer) -> None:
    app.command(
        "kata",
        epilog="Examples:  mlprep kata  ·  mlprep kata attention  ·  mlprep kata attention --watch  ·  mlprep kata auc --hint",
    )(kata)
    app.command(
        "check",
        epilog="Examples:  mlprep check  ·  mlprep check --workspace ~/katas --junit report.xml",
    )(check)
    app.command("verify", epilog="Examples:  mlprep verify  ·  mlprep verify attention auc -j 2")(
        verify
    )


def kata(
    ctx: typer.Context,
    name: str | None = typer.Argument(
        None, metavar="NAME", help="The kata; without it, list the catalogue."
    ),
    file: Path | None = typer.Option(
        None, "--file", help="Check this file instead (no scaffolding)."
    ),
    workspace: Path | None = typer.Option(
        None,
        "--workspace",
        help="Workspace folder (default: MLPREP_WORKSPACE or ~/mlprep-workspace).",
    ),
    watch: bool = typer.Option(False, "--watch", help="Re-check on every save until Ctrl-C."),
    hint: bool = typer.Option(False, "--hint", help="Show the next hint."),
    solution: bool = typer.Option(False, "--solution", help="Show the reference solution."),
    yes: bool = typer.Option(
        False, "--yes", "-y", help="With --solution: do not ask for confirmation."
    ),
    seed: int = typer.Option(0, "--seed", help="Case-set seed (replay a reported failure)."),
    timeout: float | None = typer.Option(None, "--timeout", help="Per-case time limit in seconds."),
    bench: bool = typer.Option(
        False,
        "--bench",
        help="After a passing check, time your solution against the reference over growing "
        "inputs and compare their growth.",
    ),
    device: str = typer.Option(
        "cpu",
        "--device",
        metavar="cpu|cuda",
        help="With --bench: cpu or cuda (tensor katas, on a CUDA machine).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
    lang: str | None = typer.Option(None, "--lang", metavar="en|zh|both", help="en, zh or both."),
) -> None:
    """The kata catalogue, or scaffold and check one kata."""
    from mlprep.i18n import resolve_lang
    from mlprep.kata import service
    from mlprep.kata.runner.forkserver import install_exit_handlers
    from mlprep.ui import kata_view

    install_exit_handlers()
    paths = state(ctx).paths
    display = resolve_lang(lang)
    if device != "cpu" and not bench:
        raise UsageError("--device only applies with --bench")
    modes = [flag for flag, on in (("--watch", watch), ("--hint", hint),
             ("--solution", solution), ("--bench", bench)) if on]  # fmt: skip
    if len(modes) > 1:
        raise UsageError(
            f"{' and '.join(modes)} cannot be combined: choose one",
            hint="--watch re-checks on save, --hint shows the next hint, --solution the reference",
        )
    if name is None:
        if file is not None or watch or hint or solution or bench:
            raise UsageError(
                "give a kata name", hint="for example: mlprep kata attention --file my.py"
            )
        kata_view.show_catalogue(service.catalogue(paths), display, as_json=as_json)
        return
    if hint:
        from mlprep.kata.catalogue import find_kata
        from mlprep.kata.progress import next_hint

        chosen = find_kata(paths.shipped_katas, name)
        number, text = next_hint(paths, chosen)
        kata_view.show_hint(chosen, number, text, display)
        return
    if solution:
        _show_solution(ctx, name, yes)
        return
    if bench:
        from mlprep.kata.catalogue import find_kata

        service.bench_support(paths, find_kata(paths.shipped_katas, name), device)
    from mlprep.kata.progress import check_store

    check_store(paths)  # a read-only or damaged store is refused before the check, not after
    prepared = service.prepare(paths, name, file, workspace)
    kata_view.show_prepared(prepared, display, as_json=as_json)
    if bench:
        report = service.bench_one(
            paths, prepared.kata, prepared.file, seed=seed, timeout=timeout, device=device
        )
        kata_view.show_bench(report, display, as_json=as_json)
        if not report.ok:
            raise typer.Exit(EXIT_CHECK_FAILED)
        return
    if watch:
        _watch(ctx, prepared, seed, timeout, display, as_json)
        return
    from mlprep.ui.progress import spinner

    with spinner(f"checking {name}", as_json=as_json):
        verdict = service.check_one(paths, prepared.kata, prepared.file, seed=seed, timeout=timeout)
    kata_view.show_verdict(verdict, display, as_json=as_json)
    if not verdict.ok:
        raise typer.Exit(EXIT_CHECK_FAILED)


def _show_solution(ctx: typer.Context, name: str, yes: bool) -> None:
    from mlprep.kata.catalogue import find_kata
    from mlprep.kata.progress import has_passed
    from mlprep.ui import kata_view

    paths = state(ctx).paths
    chosen = find_kata(paths.shipped_katas, name)
    # the question and the refusal go to stderr: stdout carries only the reference's bytes
    if not (yes or has_passed(paths, name)) and not kata_view.confirm_on_stderr(
        f"You have not passed {name} yet. Show the reference solution anyway?"
    ):
        kata_view.show_not_shown()
        raise typer.Exit(EXIT_CHECK_FAILED)
    kata_view.show_solution(chosen, chosen.reference.read_bytes())


def _watch(
    ctx: typer.Context,
    prepared: object,
    seed: int,
    timeout: float | None,
    display: str,
    as_json: bool,
) -> None:
    from mlprep.kata import service
    from mlprep.kata.judge.check import Checker
    from mlprep.kata.model import Verdict
    from mlprep.kata.watch import watch
    from mlprep.ui import kata_view

    assert isinstance(prepared, service.Prepared)
    paths = state(ctx).paths

    from mlprep.ui.progress import spinner

    clock = state(ctx).clock

    def run(checker: Checker) -> Verdict:
        with spinner(f"checking {prepared.kata.name}", as_json=as_json):
            return service.check_one(
                paths, prepared.kata, prepared.file, seed=seed, timeout=timeout, checker=checker
            )

    kata_view.show_watch_banner(str(prepared.file))
    try:
        last = watch(
            paths,
            prepared.kata,
            prepared.file,
            run,
            lambda v: kata_view.show_verdict(v, display, as_json=as_json),
            on_run=lambda number, change: kata_view.show_watch_run(number, clock(), change),
        )
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    if last is not None and not last.ok:
        raise typer.Exit(EXIT_CHECK_FAILED)


def check(
    ctx: typer.Context,
    workspace: Path | None = typer.Option(None, "--workspace", help="Workspace folder to check."),
    junit: Path | None = typer.Option(None, "--junit", help="Also write JUnit XML to this file."),
    seed: int = typer.Option(0, "--seed", help="Case-set seed."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
    lang: str | None = typer.Option(None, "--lang", metavar="en|zh|both", help="en, zh or both."),
) -> None:
    """CI-style self-check: every kata solved in the workspace, plus your decks."""
    from mlprep.i18n import resolve_lang
    from mlprep.kata.junit import write_junit
    from mlprep.kata.runner.forkserver import install_exit_handlers
    from mlprep.kata.service import check_workspace
    from mlprep.ui import kata_view
    from mlprep.ui.progress import progress_bar

    install_exit_handlers()
    paths = state(ctx).paths
    with progress_bar("check", as_json=as_json) as progress:
        report = check_workspace(paths, workspace, seed, progress)
    if junit is not None:
        write_junit(junit, report.verdicts, report.deck_problems)
    kata_view.show_workspace_report(report, resolve_lang(lang), as_json=as_json)
    if not report.ok:
        raise typer.Exit(EXIT_CHECK_FAILED)


def verify(
    ctx: typer.Context,
    names: list[str] | None = typer.Argument(
        None, metavar="KATA", help="Only these katas (and no deck lint)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
    seed: int = typer.Option(0, "--seed", help="Case-set seed."),
    jobs: int = typer.Option(
        0, "--jobs", "-j", help="Katas verified at once (default: the number of CPU cores)."
    ),
) -> None:
    """Maintainers: every shipped kata's reference passes, starter and mutants fail; decks lint clean."""
    from mlprep.kata.runner.forkserver import install_exit_handlers
    from mlprep.kata.verify import shipped_decks_summary, verify_all
    from mlprep.ui import kata_view

    if jobs < 0:
        raise UsageError(f"--jobs must be 1 or more, got {jobs}", hint="omit it to use every core.")
    from mlprep.ui.progress import progress_bar

    install_exit_handlers()
    with progress_bar("verify", as_json=as_json) as progress:
        report = verify_all(
            state(ctx).paths.shipped_katas,
            seed,
            names=names or None,
            decks=None if names else shipped_decks_summary,
            jobs=jobs or None,
            progress=progress,
            case_cache=state(ctx).paths.kata_cases,
        )
    kata_view.show_verify(report, as_json=as_json)
    if not report.ok:
        raise typer.Exit(EXIT_CHECK_FAILED)
