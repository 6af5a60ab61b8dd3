"""`mlprep doctor` output."""

from __future__ import annotations

from dataclasses import asdict

from rich.markup import escape
from rich.table import Table

from mlprep.doctor import Check
from mlprep.ui.console import print_json, stdout_console

_STYLE = {"ok": "ok", "warn": "warn", "fail": "bad"}


def show_checks(checks: list[Check], *, as_json: bool) -> None:
    if as_json:
        print_json([asdict(check) for check in checks])
        return
    table = Table(
        show_header=True, header_style="bold", title="mlprep doctor", title_justify="left"
    )
    table.add_column("check")
    table.add_column("status")
    table.add_column("detail")
    table.add_column("fix")
    for check in checks:
        style = _STYLE[check.status]
        table.add_row(
            escape(check.name),
            f"[{style}]{check.status}[/]",
            escape(check.detail),
            escape(check.fix),
        )
    stdout_console().print(table)
