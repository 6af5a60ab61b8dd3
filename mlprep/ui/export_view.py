"""Export results."""

from __future__ import annotations

from rich.markup import escape

from mlprep.export.anki import ExportResult
from mlprep.ui.console import plural, stdout_console


def show_export(result: ExportResult) -> None:
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(result.by_type.items()))
    stdout_console().print(
        f"[ok]wrote[/] {escape(str(result.path))}: {plural(result.notes, 'note')} in "
        f"{plural(result.decks, 'deck')} ({kinds})",
        soft_wrap=True,
    )
