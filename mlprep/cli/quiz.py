"""`mlprep quiz`: pick cards, open the store, hand the session to the quiz view."""

from __future__ import annotations

import typer

from mlprep.cli.app import state
from mlprep.errors import UsageError


def register(app: typer.Typer) -> None:
    app.command("quiz")(quiz)


def quiz(
    ctx: typer.Context,
    decks: list[str] | None = typer.Argument(
        None, metavar="[DECK_ID|PATH]...", help="Decks to study (default: all)."
    ),
    topic: list[str] | None = typer.Option(
        None, "--topic", help="Only decks with this topic (repeatable)."
    ),
    tag: list[str] | None = typer.Option(
        None, "--tag", help="Only cards with this tag (repeatable)."
    ),
    card_type: list[str] | None = typer.Option(
        None, "--type", help="Only cards of this type: basic, mcq, typed, cloze."
    ),
    limit: int | None = typer.Option(
        None, "--limit", min=1, help="At most this many cards this session."
    ),
    new: int | None = typer.Option(
        None, "--new", min=0, help="New cards allowed today (default 20)."
    ),
    mode: str = typer.Option(
        "review", "--mode", help="review (scheduled) or cram (any cards, schedule untouched)."
    ),
    lang: str | None = typer.Option(
        None, "--lang", help="en, zh or both (default: MLPREP_LANG, then locale)."
    ),
    seed: int | None = typer.Option(
        None, "--seed", help="Seed for card and choice order (reproducible sessions)."
    ),
) -> None:
    """Study due and new cards with spaced repetition (FSRS); progress is saved after every answer."""
    from mlprep.decks.catalog import CardFilter, load_catalog, select_cards
    from mlprep.i18n import resolve_lang
    from mlprep.quiz.session import DEFAULT_NEW_PER_DAY, QuizOptions, start_session
    from mlprep.store import open_store
    from mlprep.ui.console import stdout_console
    from mlprep.ui.keys import input_for
    from mlprep.ui.quiz_view import QuizView

    if mode not in ("review", "cram"):
        raise UsageError(f"--mode must be review or cram, not '{mode}'")
    display = resolve_lang(lang)
    paths = state(ctx).paths
    chosen = load_catalog(paths, decks or [])
    cards = select_cards(
        chosen, CardFilter(tuple(topic or ()), tuple(tag or ()), tuple(card_type or ()))
    )
    options = QuizOptions(
        mode=mode,  # type: ignore[arg-type]
        limit=limit,
        new_per_day=DEFAULT_NEW_PER_DAY if new is None else new,
        seed=seed,
    )
    with open_store(paths.store) as store:
        session = start_session(store, cards, options)
        view = QuizView(stdout_console(), input_for(), display, seed=seed)
        view.run(session)
