"""Everything the kata commands print: catalogue, task, verdicts, hints, verify and check reports."""

from __future__ import annotations

import sys
from datetime import datetime

from rich.markdown import Markdown
from rich.markup import escape
from rich.rule import Rule
from rich.table import Table

from mlprep.kata.bench import GROWTH_MARGIN, NOISE_FLOOR, BenchReport
from mlprep.kata.model import PASS, CaseResult, Kata, Text, Verdict
from mlprep.kata.service import CatalogueRow, Prepared, WorkspaceReport
from mlprep.kata.verify import VerifyReport
from mlprep.ui.console import plural, print_json, stderr_console, stdout_console
from mlprep.ui.layout import Column, print_prose, print_table

SHOWN_FAILURES = 8
STATUS_STYLE = {"passing": "ok", "failing": "bad", "not started": "muted"}
CASE_MARK = {"fail": "[bad]✗[/]", "error": "[bad]![/]", "timeout": "[bad]⏱[/]"}
HEADINGS = {
    "en": {"task": "Task", "mistake": "Likely mistake", "hint": "Hint", "replay": "replay with"},
    "zh": {"task": "题目", "mistake": "可能的错误", "hint": "提示", "replay": "复现:"},
}


def _words(lang: str) -> dict[str, str]:
    return HEADINGS["zh" if lang == "zh" else "en"]


# -- catalogue ------------------------------------------------------------------------------------


def show_catalogue(rows_in: list[CatalogueRow], lang: str, *, as_json: bool) -> None:
    if as_json:
        print_json([row.to_json("en" if lang == "both" else lang) for row in rows_in])
        return
    columns = [Column("name", key=True), Column("title", prose=True), Column("topic", key=True),
               Column("difficulty"), Column("status"), Column("best")]  # fmt: skip
    rows = []
    for row in rows_in:
        style = STATUS_STYLE.get(row.status.status, "")
        rows.append([
            escape(row.kata.name),
            escape(row.kata.title.get(lang)),
            escape(row.kata.topic),
            row.kata.difficulty,
            f"[{style}]{row.status.status}[/]" if style else row.status.status,
            row.status.best,
        ])  # fmt: skip
    console = stdout_console()
    print_table(console, "katas", columns, rows)
    console.print("[muted]start one with: mlprep kata NAME[/]")


# -- one kata -------------------------------------------------------------------------------------


def show_prepared(prepared: Prepared, lang: str, *, as_json: bool) -> None:
    """The solution path (always) and, for a new solution file, the task."""
    console = stderr_console() if as_json else stdout_console()
    kata = prepared.kata
    if prepared.scaffold is not None and prepared.scaffold.created:
        console.print(f"created [path]{escape(str(prepared.file))}[/] from the starter")
        console.print(
            f"tests:  [path]{escape(str(prepared.scaffold.test_file))}[/] (run them with pytest)"
        )
        if not as_json:
            show_task(kata, lang)
    else:
        console.print(f"checking [path]{escape(str(prepared.file))}[/]", soft_wrap=True)


def show_task(kata: Kata, lang: str) -> None:
    console = stdout_console()
    console.print(f"[key]{escape(kata.name)}[/]: {escape(kata.title.get(lang))}")
    langs = ("en", "zh") if lang == "both" else (lang,)
    for one in langs:
        console.print(Markdown(kata.task.get(one)))
    console.print(f"[muted]signature: {escape(kata.entry.signature)}[/]", soft_wrap=True)


def _groups(cases: list[CaseResult]) -> list[tuple[CaseResult, int]]:
    """Failing cases with their message, identical messages collapsed (first case, count)."""
    groups: dict[str, list[CaseResult]] = {}
    for case in cases:
        groups.setdefault(f"{case.status}\0{case.message}", []).append(case)
    return [(items[0], len(items)) for items in groups.values()]


def show_verdict(verdict: Verdict, lang: str, *, as_json: bool) -> None:
    if as_json:
        print_json(verdict.to_json("en" if lang == "both" else lang))
        return
    console = stdout_console()
    words = _words(lang)
    failing = [c for c in verdict.cases if not c.ok]
    if verdict.sandbox.get("mode") == "limited":
        console.print(f"[warn]{escape(verdict.sandbox_line)}[/]", soft_wrap=True)
    if verdict.error is not None:
        print_prose(console, f"[bad]error:[/] {escape(verdict.error)}", hang=4)
    else:
        groups = _groups(failing)
        for case, count in groups[:SHOWN_FAILURES]:
            mark = CASE_MARK.get(case.status, "[bad]✗[/]")
            more = f" [muted](and {count - 1} more with the same result)[/]" if count > 1 else ""
            print_prose(console, f"{mark} [key]{escape(case.name)}[/] {case.status}{more}", hang=4)
            print_prose(console, escape(case.message), indent=4, hang=2)
            if case.inputs:
                print_prose(
                    console, f"[muted]inputs: {escape(_cut(case.inputs, 300))}[/]", indent=4, hang=2
                )
        if len(groups) > SHOWN_FAILURES:
            hidden = sum(n for _, n in groups[SHOWN_FAILURES:])
            console.print(f"[muted]... and {plural(hidden, 'more failing case')}[/]")
        if verdict.passed:
            console.print(f"[ok]✓[/] {plural(verdict.passed, 'case')} passed")
    if verdict.diagnosis is not None:
        text = verdict.diagnosis.text.get(lang)
        # the explanation only: the mutant's name is internal (it stays in --json)
        print_prose(console, f"[warn]{words['mistake']}:[/] {escape(text)}", hang=2)
    if verdict.output.strip() and not verdict.ok:
        console.print("[muted]the solution printed:[/]")
        console.print(escape(_cut(verdict.output, 1500)), markup=True, soft_wrap=True)
    if not verdict.ok and verdict.error is None:  # a file that never ran: nothing to replay
        command = (
            f"mlprep kata {verdict.kata} --file {escape(str(verdict.file))} --seed {verdict.seed}"
        )
        print_prose(console, f"[muted]{words['replay']} {command}[/]", hang=4)
    style = "ok" if verdict.ok else "bad"
    console.print(f"[{style}]{escape(verdict.summary_line())}[/]", soft_wrap=True)


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    ms = seconds * 1e3
    return f"{ms:.3f}" if ms < 1 else f"{ms:.2f}" if ms < 100 else f"{ms:.0f}"


def show_bench(report: BenchReport, lang: str, *, as_json: bool) -> None:
    """The check's verdict if it failed; else the timing table, both growths and any warning."""
    if as_json:
        print_json(report.to_json("en" if lang == "both" else lang))
        return
    if not report.verdict.ok:
        show_verdict(report.verdict, lang, as_json=False)
        stdout_console().print(
            "[bad]not benchmarked:[/] a solution is timed only once it passes its check",
            soft_wrap=True,
        )
        return
    console = stdout_console()
    table = Table(
        title=f"{escape(report.kata)} --bench on {report.device}",
        title_justify="left",
        caption=f"n = {escape(report.label)}",
        caption_justify="left",
    )
    table.add_column("n", justify="right")
    table.add_column("reference ms", justify="right")
    table.add_column("yours ms", justify="right")
    table.add_column("ratio", justify="right")
    for row in report.rows:
        ratio = row.ratio
        table.add_row(
            str(row.size),
            _ms(row.reference),
            _ms(row.solution),
            "—" if ratio is None else f"{ratio:.3g}×",
        )
    console.print(table)
    assert report.reference is not None and report.solution is not None
    console.print(f"reference grows like {escape(report.reference.text)}", soft_wrap=True)
    console.print(f"yours grows like     {escape(report.solution.text)}", soft_wrap=True)
    ratio_row = report.ratio_row
    if ratio_row is not None and ratio_row.ratio is not None:
        console.print(
            f"at n = {ratio_row.size} yours takes {ratio_row.ratio:.3g}× the reference's time"
        )
    for note in report.notes:
        console.print(f"[muted]{escape(note)}[/]", soft_wrap=True)
    for warning in report.warnings:
        console.print(f"[warn]warning:[/] {escape(warning)}", soft_wrap=True)
    console.print(
        f"[muted]best of at least {plural(report.repeats, 'call')} per size; sizes under "
        f"{NOISE_FLOOR * 1e3:g} ms are left out of the fit; a warning needs an exponent gap "
        f"above {GROWTH_MARGIN:g}[/]",
        soft_wrap=True,
    )
    style = "ok" if report.ok else "bad"
    verdict = "grows faster than the reference" if report.warnings else "growth ok"
    console.print(f"[{style}]{escape(report.kata)} bench: {verdict}[/]", soft_wrap=True)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def show_hint(kata: Kata, number: int, hint: Text, lang: str) -> None:
    console = stdout_console()
    words = _words(lang)
    console.print(f"[key]{words['hint']} {number}/{len(kata.hints)}[/] ({escape(kata.name)})")
    console.print(Markdown(hint.get(lang)))
    if number == len(kata.hints):
        print_prose(
            console,
            "[muted]that was the last hint; `mlprep kata NAME --solution` shows the reference.[/]",
        )


def show_solution(kata: Kata, source: bytes) -> None:
    """The reference file's exact bytes on stdout (never wrapped or padded); the header on stderr.

    `mlprep kata NAME --solution > ref.py` then writes a file identical to the reference.
    """
    stderr_console().print(f"[key]{escape(kata.name)}[/]: reference solution", soft_wrap=True)
    sys.stdout.flush()
    binary = getattr(sys.stdout, "buffer", None)
    if binary is not None:
        binary.write(source)
        binary.flush()
    else:  # a text-only stream (a test double): the same text
        sys.stdout.write(source.decode("utf-8"))
        sys.stdout.flush()


def confirm_on_stderr(question: str) -> bool:
    """Ask `question [y/N]` on stderr and read the answer from stdin (stdout stays clean)."""
    stderr_console().print(escape(f"{question} [y/N]: "), end="", soft_wrap=True)
    answer = sys.stdin.readline()
    if not sys.stdin.isatty():  # the answer was not echoed: end the prompt's line
        stderr_console().print()
    return answer.strip().lower() in ("y", "yes")


def show_not_shown() -> None:
    stderr_console().print("not shown")


def show_watch_run(number: int, when: datetime, change: str) -> None:
    """A header per watch run: its number, the time and what changed (on stderr)."""
    stamp = when.astimezone().strftime("%H:%M:%S")
    stderr_console().print(Rule(f"run {number} · {stamp} · {escape(change)}", align="left"))


def show_watch_banner(file: str) -> None:
    stderr_console().print(f"[muted]watching {escape(file)}; save to re-check, Ctrl-C to stop[/]")


# -- verify and check -----------------------------------------------------------------------------


def show_verify(report: VerifyReport, *, as_json: bool) -> None:
    if as_json:
        print_json(report.to_json())
        return
    console = stdout_console()
    columns = [Column("kata", key=True), Column("reference"), Column("starter"),
               Column("mutants killed"), Column("survivors")]  # fmt: skip
    rows = []
    for item in report.katas:
        ref_style = "ok" if item.reference == PASS else "bad"
        starter_style = "bad" if item.starter == PASS else "ok"
        killed_style = "ok" if item.killed == item.mutants_total else "bad"
        rows.append([
            escape(item.name),
            f"[{ref_style}]{item.reference}[/]",
            f"[{starter_style}]{item.starter}[/]",
            f"[{killed_style}]{item.killed}/{item.mutants_total}[/]",
            escape(", ".join(item.survivors)),
        ])  # fmt: skip
    print_table(console, "verify", columns, rows)
    for item in report.katas:
        for problem in item.problems:
            console.print(f"[bad]{escape(item.name)}:[/] {escape(problem)}", soft_wrap=True)
    decks = report.decks
    problems = decks.get("problems") or []
    if isinstance(problems, list) and problems:
        for problem in problems:
            console.print(f"[bad]deck:[/] {escape(str(problem))}", soft_wrap=True)
    elif decks:  # empty when only some katas were verified
        console.print(f"decks: {escape(str(decks.get('decks', '?')))} shipped decks lint clean")
    good = sum(1 for k in report.katas if k.ok)
    bad = len(report.katas) - good
    console.print(f"[{'ok' if report.ok else 'bad'}]verify: {good} passed, {bad} failed[/]")


def show_workspace_report(report: WorkspaceReport, lang: str, *, as_json: bool) -> None:
    if as_json:
        print_json(report.to_json("en" if lang == "both" else lang))
        return
    console = stdout_console()
    console.print(f"workspace [path]{escape(str(report.workspace))}[/]")
    if not report.verdicts:
        console.print("[muted]no kata solutions found there (files named NAME.py)[/]")
    for verdict in report.verdicts:
        style = "ok" if verdict.ok else "bad"
        console.print(f"[{style}]{escape(verdict.summary_line())}[/]", soft_wrap=True)
        if verdict.error is not None:  # one file-level error, not the same text per case
            console.print(f"    {escape(_cut(verdict.error, 400))}", soft_wrap=True)
            continue
        for case in [c for c in verdict.cases if not c.ok][:3]:
            console.print(
                f"    {escape(case.name)}: {escape(_cut(case.message, 200))}", soft_wrap=True
            )
    for problem in report.deck_problems:
        console.print(f"[bad]deck:[/] {escape(problem)}", soft_wrap=True)
    if report.decks_checked:
        console.print(f"[ok]✓[/] your decks: {plural(report.decks_checked, 'valid deck')}")
    good = sum(1 for v in report.verdicts if v.ok)
    bad = len(report.verdicts) - good + (1 if report.deck_problems else 0)
    decks = f" ({plural(report.decks_checked, 'valid deck')})" if report.decks_checked else ""
    console.print(f"[{'ok' if report.ok else 'bad'}]check: {good} passed, {bad} failed{decks}[/]")
