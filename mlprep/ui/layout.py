"""One layout rule for every screen.

At any width of 60 columns or more nothing the user must read or type is cut:
prose wraps at word boundaries with hanging indents, and a table that cannot
show its columns without squeezing a name, id or path stacks its rows instead
(`name` on a line, the other columns under it). In a pipe nothing is wrapped:
prose is one line per paragraph and tables keep their natural width, so
`grep` and `cut` see whole lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rich.columns import Columns
from rich.console import Console, RenderableType
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text


@dataclass(frozen=True)
class Column:
    """A table column: `key` columns hold what the user types (names, ids, paths): never wrapped."""

    name: str
    justify: Literal["left", "right"] = "left"
    key: bool = False
    prose: bool = False  # a title or description: in the stacked form it follows the row's name


def _table(title: str | None, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(
            column.name,
            justify=column.justify,
            no_wrap=column.key,
            overflow="fold",  # a word longer than its column folds, never "…"
            min_width=len(column.name),
        )
    for row in rows:
        table.add_row(*row)
    return table


def print_table(
    console: Console,
    title: str | None,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
) -> None:
    """A table where it fits without cutting a key column; otherwise one block per row.

    `rows` hold Rich markup. The first column names the row in the stacked form.
    """
    table = _table(title, columns, rows)
    needed = Measurement.get(console, console.options.update_width(10_000), table)
    if not console.is_terminal:  # a pipe: the natural width, nothing wrapped
        shown = console.width
        console.width = max(needed.maximum, 1)
        try:
            console.print(table, crop=False)
        finally:
            console.width = shown
        return
    if needed.minimum <= console.width:
        console.print(table)
        return
    if title:
        console.print(Text(title, style="italic"))
    for row in rows:
        cells = list(zip(columns, row, strict=False))
        prose = [value for column, value in cells[1:] if column.prose]
        print_prose(console, "  ".join([f"[bold]{row[0]}[/]", *prose]), hang=2)
        items = [
            f"[muted]{column.name}[/] {value}" if column.name else value
            for column, value in cells[1:]
            if not column.prose and Text.from_markup(value).plain.strip()
        ]
        console.print(Padding(legend(items), (0, 0, 0, 2), expand=False))


NBSP = "\u00a0"  # joins words that must stay on one line ("u undo", "Enter = good")
_HOLD = "\u2800"  # a blank that Rich does not treat as a space, standing in for NBSP while wrapping


def unbreakable(legend: str) -> str:
    """A legend (`[key]u[/] undo  [key]s[/] skip`) whose items never wrap inside themselves."""
    return "  ".join(item.replace(" ", NBSP) for item in legend.split("  "))


def print_prose(
    console: Console, markup: str, *, indent: int = 0, hang: int = 0, end: str = "\n"
) -> None:
    """A paragraph wrapped at words on a terminal, later lines `hang` further in; one line in a pipe.

    Words joined by NBSP stay together; a word longer than the line (a long path)
    is the only thing ever folded. `end=" "` leaves the cursor after a prompt.
    """
    if not console.is_terminal:
        console.print(" " * indent + markup.replace(NBSP, " "), soft_wrap=True, end=end)
        return
    text = Text.from_markup(markup.replace(NBSP, _HOLD))
    width = max(20, console.width - indent - hang)
    lines = list(text.wrap(console, width, overflow="fold"))
    for number, line in enumerate(lines):
        line.rstrip()
        pad = indent if number == 0 else indent + hang
        shown = Text(" " * pad + line.plain.replace(_HOLD, " "), spans=[
            span.move(pad) for span in line.spans
        ])  # fmt: skip
        last = number == len(lines) - 1
        console.print(shown, no_wrap=True, overflow="fold", end=end if last else "\n")


def print_hanging(console: Console, head: str, body: str, *, indent: int = 0) -> None:
    """`head body`, the body's later lines aligned under its first (a choice, a label: text)."""
    if not console.is_terminal:
        console.print(" " * indent + f"{head} {body}", soft_wrap=True)
        return
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(head, body)
    console.print(Padding(grid, (0, 0, 0, indent), expand=False))


def legend(items: Sequence[str]) -> RenderableType:
    """Key legends (`u undo`, `s skip`): wrapped between items, never inside one."""
    return Columns([Text.from_markup(item) for item in items], padding=(0, 2), expand=False)
