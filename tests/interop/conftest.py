"""Anki helpers for the interop tests: a fresh collection per test, shipped decks exported once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mlprep.decks.loader import deck_files, load_decks
from mlprep.decks.model import Deck
from mlprep.export.anki import export_anki
from mlprep.paths import resolve_paths

REASON = "the anki extra is not installed (pip install -e '.[anki]')"


@pytest.fixture
def col(tmp_path: Path) -> Iterator[Any]:
    """An empty Anki collection (the official library), closed after the test."""
    collection = pytest.importorskip("anki.collection", reason=REASON)
    folder = tmp_path / "anki"
    folder.mkdir()
    opened = collection.Collection(str(folder / "collection.anki2"))
    yield opened
    opened.close()


def anki_import(col: Any, package: Path) -> Any:
    """Import with Anki's own importer, as the desktop app does; returns its log."""
    collection = pytest.importorskip("anki.collection", reason=REASON)
    request = collection.ImportAnkiPackageRequest(
        package_path=str(package),
        options=collection.ImportAnkiPackageOptions(with_scheduling=True),
    )
    return col.import_anki_package(request).log


def shipped_decks() -> list[Deck]:
    loaded = load_decks(deck_files([resolve_paths().shipped_decks]))
    loaded.raise_problems()
    return loaded.decks


@pytest.fixture(scope="session")
def shipped_package(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Deck]]:
    """Every shipped deck exported once for the whole session."""
    decks = shipped_decks()
    out = tmp_path_factory.mktemp("shipped") / "shipped.apkg"
    export_anki(decks, out)
    return out, decks
