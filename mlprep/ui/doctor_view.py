"""`mlprep doctor` output."""

from __future__ import annotations

from dataclasses import asdict

from rich.markup import escape

from mlprep.doctor import Check
from mlprep.ui.console import print_json, stdout_console
from mlprep.ui.layout import print_prose

_STYLE = {"ok": "ok", "warn": "warn", "fail": "bad"}


def show_checks(checks: list[Check], *, as_json: bool) -> None:
    if as_json:
        print_json([asdict(check) for check in checks])
        return
    console = stdout_console()
    console.print("[bold]mlprep doctor[/]")
    for check in checks:
        style = _STYLE[check.status]
        mark = {"ok": "✓", "warn": "!", "fail": "✗"}[check.status]
        # prose, not a table: the paths it shows are never cut or squeezed into a column
        print_prose(
            console,
            f"[{style}]{mark}[/] [key]{escape(check.name)}[/]  {escape(check.detail)}",
            hang=4,
        )
        if check.fix:
            print_prose(console, f"[muted]fix:[/] {escape(check.fix)}", indent=4)
