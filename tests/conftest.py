"""Shared fixtures: every test gets its own MLPREP_HOME, deck folder and workspace."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session", autouse=True)
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One MLPREP_CACHE for the whole run, every worker included: parsed decks and generated
    kata cases are keyed on their content, so sharing them only saves generating them again."""
    root = tmp_path_factory.getbasetemp()
    folder = (root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root) / "shared-cache"
    folder.mkdir(exist_ok=True)
    before = os.environ.get("MLPREP_CACHE")
    os.environ["MLPREP_CACHE"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("MLPREP_CACHE", None)
    else:
        os.environ["MLPREP_CACHE"] = before


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


# The longest files start first (after pytest-randomly's shuffle, which stays the order within
# each group): the suite is spread over workers file by file, and a long file started last
# would leave the other workers idle at the end.
LONGEST_FIRST = ("tests/kata/test_verify.py", "tests/kata/test_hostile.py", "tests/e2e/")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        for position, prefix in enumerate(LONGEST_FIRST):
            if item.nodeid.startswith(prefix):
                return position
        return len(LONGEST_FIRST)

    items.sort(key=rank)
