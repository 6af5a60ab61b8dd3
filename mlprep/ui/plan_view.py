"""`mlprep plan` output."""

from __future__ import annotations

from datetime import date

from rich.markup import escape

from mlprep.quiz.plan import Plan
from mlprep.ui.console import plural, print_json, stdout_console
from mlprep.ui.layout import Column, print_prose, print_table
from mlprep.ui.stats_view import bar

REALISTIC_NEW_PER_DAY = 60  # beyond this, few people keep up with the reviews new cards bring


def show_cleared(previous: date | None) -> None:
    """`plan --clear`: say what was forgotten."""
    console = stdout_console()
    if previous is None:
        console.print("no interview date was set: nothing to clear")
    else:
        console.print(f"cleared the interview date (it was {previous.isoformat()})")


def show_plan(plan: Plan, *, as_json: bool) -> None:
    if as_json:
        print_json(plan.to_json())
        return
    console = stdout_console()
    if plan.interview is None:
        console.print("no interview date set: [key]mlprep plan --date YYYY-MM-DD[/] sets one")
        title = "predicted recall now"
    else:
        needed = plan.new_per_day_needed or 0
        print_prose(
            console,
            f"interview on [bold]{plan.interview.isoformat()}[/]: "
            f"{plural(plan.days_left or 0, 'day')} left · "
            f"{plural(plan.new_cards, 'new card')} → about [bold]{needed}[/] new a day; "
            f"your daily limit is [bold]{plan.new_per_day}[/]",
        )
        if needed > plan.new_per_day:
            print_prose(
                console,
                f"[warn]at {plan.new_per_day} a day some cards stay new on the day[/]: "
                f"[key]mlprep plan --new-per-day {needed}[/] (or mlprep config new-per-day "
                f"{needed}) raises the limit `mlprep quiz` uses",
            )
        if needed > REALISTIC_NEW_PER_DAY:
            print_prose(
                console,
                f"[warn]about {needed} new cards a day is not realistic[/]: each new card also "
                "brings reviews in the days after it, and few people keep up with more than "
                f"{REALISTIC_NEW_PER_DAY} new a day. Study fewer decks (mlprep quiz DECK...) or "
                "set a later date.",
            )
        title = "projected recall on the day"
    columns = [Column("topic", key=True), Column("cards", "right"), Column("seen", "right"),
               Column("recall")]  # fmt: skip
    rows = [
        [
            escape(name),
            str(topic.cards),
            str(topic.seen),
            f"{topic.recall:.0%} {bar(topic.recall, 20)}",
        ]
        for name, topic in sorted(plan.topics.items(), key=lambda item: item[1].recall)
    ]
    print_table(console, title, columns, rows)
    peak = max((n for _, n in plan.daily_due), default=0) or 1
    rows = [[day, str(count), bar(count / peak, 30) or "·"] for day, count in plan.daily_due[:31]]
    print_table(
        console, "reviews due per day", [Column("day", key=True), Column("due", "right"),
                                          Column("")], rows
    )  # fmt: skip


def show_settings(rows: list[tuple[str, int, str, str]], *, as_json: bool) -> None:
    """`mlprep config`: (name, value, where it comes from, what it does) per setting."""
    if as_json:
        print_json({name: value for name, value, _, _ in rows})
        return
    console = stdout_console()
    for name, value, source, meaning in rows:
        console.print(
            f"[key]{escape(name)}[/] = [bold]{value}[/]  [muted]({escape(source)}; "
            f"{escape(meaning)})[/]",
            soft_wrap=True,
        )
