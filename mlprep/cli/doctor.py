"""`mlprep doctor`."""

from __future__ import annotations

import typer

from mlprep.cli.app import state
from mlprep.errors import EXIT_CHECK_FAILED


def register(app: typer.Typer) -> None:
    app.command("doctor")(doctor)


def doctor(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print the checks as JSON."),
    skip_torch: bool = typer.Option(False, "--skip-torch", help="Do not try to import torch."),
) -> None:
    """Check the installation (Python, torch, store, folders, decks, katas) and say what to fix."""
    from mlprep.doctor import FAIL, run_checks
    from mlprep.ui.doctor_view import show_checks

    checks = run_checks(state(ctx).paths, check_torch=not skip_torch)
    show_checks(checks, as_json=as_json)
    if any(check.status == FAIL for check in checks):
        raise typer.Exit(EXIT_CHECK_FAILED)
