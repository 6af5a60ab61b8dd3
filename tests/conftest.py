"""Shared fixtures: every test gets its own MLPREP_HOME, deck folder and workspace."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An isolated mlprep world under tmp_path (store, user decks, workspace)."""
    monkeypatch.setenv("MLPREP_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MLPREP_DECKS", str(tmp_path / "decks"))
    monkeypatch.setenv("MLPREP_WORKSPACE", str(tmp_path / "workspace"))
    monkeypatch.setenv("MLPREP_LANG", "en")
    monkeypatch.setenv("COLUMNS", "100")
    yield tmp_path / "home"


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """Environment for running the real `mlprep` in a subprocess."""
    env = dict(os.environ)
    env.update(
        MLPREP_HOME=str(tmp_path / "home"),
        MLPREP_DECKS=str(tmp_path / "decks"),
        MLPREP_WORKSPACE=str(tmp_path / "workspace"),
        MLPREP_LANG="en",
        PYTHONIOENCODING="utf-8",
        COLUMNS="100",
        TERM="xterm",
    )
    env.update(extra)
    return env


MLPREP_CMD = [sys.executable, "-m", "mlprep"]
