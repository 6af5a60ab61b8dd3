"""Export results."""

from __future__ import annotations

from rich.markup import escape

from mlprep.export.anki import ExportResult
from mlprep.ui.console import plural, stderr_console, stdout_console


def show_export(result: ExportResult) -> None:
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(result.by_type.items()))
    stdout_console().print(
        f"[ok]wrote[/] {escape(str(result.path))}: {plural(result.notes, 'note')} in "
        f"{plural(result.decks, 'deck')} ({kinds})",
        soft_wrap=True,
    )
    if not result.type_changes:
        return
    err = stderr_console()
    renewed = [c for c in result.type_changes if c.new_guid]
    kept = [c for c in result.type_changes if not c.new_guid]
    err.print(
        f"[warn]warning:[/] {plural(len(result.type_changes), 'card')} changed note type "
        "since the last export:",
        soft_wrap=True,
    )
    for change in result.type_changes:
        err.print(
            f"  {escape(change.card)}: {escape(change.before)} → {escape(change.after)}"
            + (" (new note id)" if change.new_guid else ""),
            soft_wrap=True,
        )
    if kept:
        err.print(
            "Anki keeps the old note for these and ignores the change. To get the new type, "
            "export again with --type-changed new-guid (Anki adds new notes; delete the old "
            "ones, whose review history stays with them).",
            soft_wrap=True,
        )
    if renewed:
        err.print(
            "These cards have new note ids: Anki adds them as new notes; delete the old ones "
            "in Anki (their review history stays with the old notes).",
            soft_wrap=True,
        )
    if result.manifest is not None:
        err.print(f"[muted]manifest: {escape(str(result.manifest))}[/]", soft_wrap=True)
