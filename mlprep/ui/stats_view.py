"""`mlprep stats` as tables, or as one JSON object."""

from __future__ import annotations

from datetime import date, timedelta

from rich.markup import escape
from rich.table import Table

from mlprep.stats import Stats
from mlprep.ui.console import print_json, stdout_console


def show_stats(stats: Stats, *, as_json: bool) -> None:
    if as_json:
        print_json(stats.to_json())
        return
    console = stdout_console()
    retention = (
        f"{stats.retention:.0%} of {stats.retention_sample}" if stats.retention is not None else "—"
    )
    console.print(
        f"reviews today [bold]{stats.reviews_today}[/] · total [bold]{stats.reviews_total}[/]"
        f" · due now [bold]{stats.due_now}[/] · retention {retention}"
        f" · streak {stats.streak_days} day{'s' if stats.streak_days != 1 else ''}"
    )
    today = date.today()
    week = Table(title="due in the next 7 days", title_justify="left")
    for offset in range(7):
        week.add_column((today + timedelta(days=offset)).strftime("%a %d"), justify="right")
    week.add_row(*(str(n) for n in stats.due_next_7_days))
    console.print(week)
    topics = Table(title="by topic", title_justify="left")
    for column in ("topic", "new", "learning", "review", "due", "total"):
        topics.add_column(column, justify="left" if column == "topic" else "right")
    for name, counts in sorted(stats.topics.items()):
        topics.add_row(
            escape(name),
            str(counts.new),
            str(counts.learning),
            str(counts.review),
            str(counts.due),
            str(counts.total),
        )
    console.print(topics)
