"""`mlprep stats` as terminal charts, or as one JSON object."""

from __future__ import annotations

from datetime import date, timedelta

from rich.console import Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from mlprep.stats import HEATMAP_DAYS, Stats
from mlprep.ui.console import print_json, stdout_console
from mlprep.ui.layout import Column, print_table

_SHADES = ["#2d333b", "#0e4429", "#006d32", "#26a641", "#39d353"]
_CELLS = ["·", "░", "▒", "▓", "█"]  # readable without colour too
_BLOCKS = " ▁▂▃▄▅▆▇█"


def bar(fraction: float, width: int) -> str:
    """A horizontal bar of `width` cells for a value in 0..1."""
    fraction = min(1.0, max(0.0, fraction))
    full, part = divmod(round(fraction * width * 8), 8)
    return "█" * full + ("▏▎▍▌▋▊▉"[part - 1] if part else "")


def heatmap(counts: dict[str, int], today: date) -> Group:
    """A GitHub-style calendar: one column per week, one row per weekday, darker = more answers."""
    start = today - timedelta(days=HEATMAP_DAYS - 1)
    start -= timedelta(days=start.weekday())  # align to Monday
    peak = max(counts.values(), default=0)
    rows = []
    for weekday, label in enumerate(("Mon", "", "Wed", "", "Fri", "", "Sun")):
        line = Text(f"{label:>4} ")
        day = start + timedelta(days=weekday)
        while day <= today:
            n = counts.get(day.isoformat(), 0)
            level = 0 if n == 0 else 1 + min(3, int(3 * n / peak)) if peak else 0
            line.append(_CELLS[level] + " ", style=_SHADES[level])
            day += timedelta(days=7)
        rows.append(line)
    legend = Text("     less ")
    for cell, shade in zip(_CELLS, _SHADES, strict=True):
        legend.append(cell + " ", style=shade)
    legend.append("more")
    return Group(*rows, legend)


def sparkline(values: list[int]) -> str:
    peak = max(values, default=0)
    if not peak:
        return "▁" * len(values)
    return "".join(_BLOCKS[max(1, round(v / peak * 8))] if v else "▁" for v in values)


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
    console.print(
        f"[muted]study day {stats.today} (starts {stats.rollover_hour:02d}:00) · "
        f"new today {stats.new_today} of {stats.new_per_day} a day · "
        f"review cap {stats.review_cap} a day[/]"
    )
    today = date.fromisoformat(stats.today) if stats.today else date.today()
    console.print("\n[bold]answers, last 26 weeks[/]")
    console.print(heatmap(stats.heatmap, today))
    console.print("\n[bold]reviews due, next 30 days[/]")
    console.print(
        f"  {sparkline(stats.forecast_30_days)}  (max {max(stats.forecast_30_days, default=0)} a day)"
    )
    week = Table(
        title="due in the next 7 days (today: due now and later today)", title_justify="left"
    )
    for offset in range(7):
        week.add_column((today + timedelta(days=offset)).strftime("%a %d"), justify="right")
    week.add_row(*(str(n) for n in stats.due_next_7_days))
    console.print(week)
    if stats.retention_by_week:
        columns = [Column("week", key=True), Column("recalled", "right"), Column("of", "right"),
                   Column("rate")]  # fmt: skip
        rows = []
        for row in stats.retention_by_week:
            rate = row.recalled / row.total if row.total else 0.0
            rows.append(
                [row.week, str(row.recalled), str(row.total), f"{rate:.0%} {bar(rate, 20)}"]
            )
        title = "retention by week (answers to cards in review)"
        print_table(console, title, columns, rows)
    counts_columns = [Column(n, "right") for n in ("new", "learning", "review", "due", "total")]
    columns = [Column("topic", key=True), *counts_columns, Column("readiness")]
    rows = []
    for name, counts in sorted(stats.topics.items()):
        ready = stats.readiness.get(name, 0.0)
        rows.append([
            escape(name), str(counts.new), str(counts.learning), str(counts.review),
            str(counts.due), str(counts.total), f"{ready:.0%} {bar(ready, 12)}",
        ])  # fmt: skip
    print_table(console, "by topic", columns, rows)
