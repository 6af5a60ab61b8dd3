"""`mlprep quiz`: pick cards, open the store, hand the session to the quiz view."""

from __future__ import annotations

import typer

from mlprep.cli.app import state
from mlprep.errors import UsageError


def register(app: typer.Typer) -> None:
    app.command(
        "quiz",
        epilog="Examples:  mlprep quiz  ·  mlprep quiz transformer --new 10  ·  mlprep quiz --type mcq --lang zh",
    )(quiz)


def quiz(
    ctx: typer.Context,
    decks: list[str] | None = typer.Argument(
        None, metavar="DECK_ID|PATH", help="Decks to study (default: all)."
    ),
    topic: list[str] | None = typer.Option(
        None, "--topic", metavar="TOPIC", help="Only decks with this topic (repeatable)."
    ),
    tag: list[str] | None = typer.Option(
        None, "--tag", metavar="TAG", help="Only cards with this tag (repeatable)."
    ),
    card_type: list[str] | None = typer.Option(
        None, "--type", metavar="TYPE", help="Only cards of this type: basic, mcq, typed, cloze."
    ),
    limit: int | None = typer.Option(
        None, "--limit", min=1, help="At most this many cards this session."
    ),
    new: int | None = typer.Option(
        None,
        "--new",
        min=0,
        help="Up to N new cards in this session, whatever today's count (default: what is left "
        "of your daily limit, 20 unless set with `mlprep config new-per-day N`).",
    ),
    order: str = typer.Option(
        "mixed",
        "--order",
        metavar="mixed|deck|random",
        help="Order of new cards: mixed (one deck after another in turn, each deck in its "
        "own order), deck (deck by deck) or random. Reproducible with --seed.",
    ),
    mode: str = typer.Option(
        "review",
        "--mode",
        metavar="review|cram",
        help="review (scheduled) or cram (any cards, schedule untouched).",
    ),
    lang: str | None = typer.Option(
        None,
        "--lang",
        metavar="en|zh|both",
        help="en, zh or both (default: MLPREP_LANG, then locale).",
    ),
    seed: int | None = typer.Option(
        None, "--seed", help="Seed for card and choice order (reproducible sessions)."
    ),
) -> None:
    """Study due and new cards with spaced repetition (FSRS); progress is saved after every answer.

    A study day starts at 04:00 (`mlprep config rollover-hour H` or MLPREP_ROLLOVER_HOUR):
    cards with intervals of days are due from the start of their day, learning steps at their
    exact time. At most 200 reviews a day (`mlprep config review-cap N`), the most overdue
    first.
    """
    from mlprep.decks.catalog import CardFilter, load_catalog, select_cards
    from mlprep.i18n import resolve_lang
    from mlprep.quiz.session import ORDERS, QuizOptions, start_session
    from mlprep.store import open_store
    from mlprep.ui.console import stdout_console
    from mlprep.ui.keys import input_for
    from mlprep.ui.quiz_view import QuizView

    if mode not in ("review", "cram"):
        raise UsageError(f"--mode must be review or cram, not '{mode}'")
    if order not in ORDERS:
        raise UsageError(f"--order must be mixed, deck or random, not '{order}'")
    display = resolve_lang(lang)
    app_state = state(ctx)
    paths = app_state.paths
    chosen = load_catalog(paths, decks or [])
    cards = select_cards(
        chosen, CardFilter(tuple(topic or ()), tuple(tag or ()), tuple(card_type or ()))
    )
    options = QuizOptions(
        mode=mode,  # type: ignore[arg-type]
        limit=limit,
        new_this_session=new,
        order=order,
        seed=seed,
    )
    with open_store(paths.store) as store:
        session = start_session(store, cards, options, clock=app_state.clock)
        view = QuizView(stdout_console(), input_for(), display, seed=seed)
        view.run(session)
