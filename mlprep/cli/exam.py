"""`mlprep exam`: a timed mock interview."""

from __future__ import annotations

import typer

from mlprep.cli.app import state
from mlprep.errors import UsageError


def register(app: typer.Typer) -> None:
    app.command(
        "exam",
        epilog="Examples:  mlprep exam  ·  mlprep exam --topic transformer --count 5 --minutes 10",
    )(exam)


def exam(
    ctx: typer.Context,
    topic: list[str] | None = typer.Option(
        None, "--topic", metavar="TOPIC", help="Only these topics (repeatable)."
    ),
    minutes: float = typer.Option(15.0, "--minutes", min=0.1, help="Time for the whole exam."),
    count: int = typer.Option(10, "--count", min=1, help="Number of questions."),
    lang: str | None = typer.Option(None, "--lang", metavar="en|zh|both", help="en, zh or both."),
    seed: int | None = typer.Option(None, "--seed", help="Seed for the draw (reproducible exams)."),
    schedule: bool = typer.Option(
        False, "--schedule", help="Also count the answers as reviews (FSRS)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """A timed mock interview across topics, weighted to your weak ones; report at the end."""
    import random

    from mlprep.decks.catalog import CardFilter, load_catalog, select_cards
    from mlprep.errors import StoreError
    from mlprep.i18n import resolve_lang
    from mlprep.quiz.exam import (
        apply_to_schedule,
        draw_questions,
        save_report,
        save_report_file,
        topic_weakness,
    )
    from mlprep.quiz.plan import scheduler_for
    from mlprep.store import open_store
    from mlprep.ui.console import stdout_console
    from mlprep.ui.exam_view import ExamView, show_report
    from mlprep.ui.keys import input_for

    display = resolve_lang(lang)
    app_state = state(ctx)
    paths = app_state.paths
    utc_now = app_state.clock
    decks = load_catalog(paths)
    if topic:
        select_cards(decks, CardFilter(topics=tuple(topic)))  # validates the topic names
        decks = [d for d in decks if (d.topic or d.id).lower() in {t.lower() for t in topic}]
    # the store is checked (writable, sound) before the first question, so the result can be kept
    with open_store(paths.store) as store:
        now = utc_now()
        questions = draw_questions(
            decks, topic_weakness(store, decks, now), count, random.Random(seed)
        )
        if not questions:
            raise UsageError(
                "no exam questions: the chosen decks have no auto-graded or key-point cards"
            )
        view = ExamView(stdout_console(), input_for(), display, seed=seed)
        report = view.run(questions, minutes, utc_now)
        try:
            save_report(store, report)
            if schedule:
                apply_to_schedule(store, report, scheduler_for(store), utc_now())
        except StoreError as error:  # the store broke during the exam: keep the report anyway
            import tempfile
            from pathlib import Path

            show_report(report, display, as_json=as_json)
            kept = save_report_file([paths.home, Path(tempfile.gettempdir())], report)
            where = f"the report was saved to {kept} instead" if kept else "the report is above"
            raise StoreError(f"{error.message} {where}.", hint=error.hint) from error
    show_report(report, display, as_json=as_json)
