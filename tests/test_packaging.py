"""The wheel carries the shipped decks and katas, so a non-editable install works from any folder."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.mark.slow
def test_wheel_ships_decks_and_katas(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("mlprep_interview-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped_decks = sorted(p.name for p in (REPO / "decks").glob("*.yaml"))
    assert shipped_decks
    for name in shipped_decks:
        assert f"mlprep/_data/decks/{name}" in names
    for kata in (REPO / "katas").iterdir():
        if kata.is_dir():
            assert any(n.startswith(f"mlprep/_data/katas/{kata.name}/") for n in names), kata.name
    assert "mlprep/cli/__init__.py" in names
