"""`mlprep import csv FILE`: front,back[,tags] rows → one basic deck that lints clean."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlprep.cli import app
from mlprep.decks.loader import load_deck
from mlprep.install_hint import extra_install_command

runner = CliRunner()


def test_rows_become_a_basic_deck(home: Path, tmp_path: Path) -> None:
    source = tmp_path / "My Questions.csv"
    source.write_text(
        "front,back,tags\n"
        '"What is overfitting?","Fitting noise: low train error, high test error.",ml basics\n'
        "Why <b>scale</b> by √d_k?,Keeps the softmax out of saturation.,transformer\n"
        "no answer here,,\n"
        '"A, with comma","multi\nline",\n',
        "utf-8",
    )
    result = runner.invoke(app, ["import", "csv", str(source)])
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "imported 3 cards into 1 deck" in output
    assert f"1 card left out: {source}:4: needs a front and a back (front,back[,tags])" in output
    deck = load_deck(home.parent / "decks" / "my-questions.yaml")
    assert deck.id == "my-questions" and deck.title.plain == "My Questions"
    cards = list(deck.cards)
    assert [c.type for c in cards] == ["basic"] * 3
    assert cards[0].q.plain == "What is overfitting?" and cards[0].tags == ("ml", "basics")
    assert cards[1].q.plain == "Why **scale** by √d_k?"
    assert cards[2].q.plain == "A, with comma" and cards[2].a.plain == "multi\nline"
    assert runner.invoke(app, ["deck", "lint"]).exit_code == 0
    ids = [c.id for c in cards]
    again = runner.invoke(app, ["import", "csv", str(source)])  # same ids: progress is kept
    assert again.exit_code == 0 and "(replaced)" in again.output
    assert [c.id for c in load_deck(home.parent / "decks" / "my-questions.yaml").cards] == ids


def test_semicolons_and_a_chosen_id(home: Path, tmp_path: Path) -> None:
    source = tmp_path / "list.txt"
    source.write_text("Q1;A1\nQ2;A2\n", "utf-8")
    result = runner.invoke(app, ["import", "csv", str(source), "--id", "interview-list"])
    assert result.exit_code == 0, result.output
    deck = load_deck(home.parent / "decks" / "interview-list.yaml")
    assert [(c.q.plain, c.a.plain) for c in deck.cards] == [("Q1", "A1"), ("Q2", "A2")]


def test_bad_csv_files(home: Path, tmp_path: Path) -> None:
    latin = tmp_path / "latin.csv"
    latin.write_bytes("caf\xe9,coffee\n".encode("latin-1"))
    result = runner.invoke(app, ["import", "csv", str(latin)])
    assert result.exit_code == 2
    assert f"{latin}: not UTF-8 text (byte 3)" in result.output
    empty = tmp_path / "empty.csv"
    empty.write_text("front,back\n", "utf-8")
    result = runner.invoke(app, ["import", "csv", str(empty)])
    assert result.exit_code == 2
    assert "no rows; write one question per line as front,back[,tags]" in result.output
    result = runner.invoke(app, ["import", "csv", str(tmp_path / "nope.csv")])
    assert result.exit_code == 2 and "no such file:" in result.output


def test_anki_import_without_the_anki_library(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "anki.collection", None)  # as if the extra were missing
    package = tmp_path / "deck.apkg"
    package.write_bytes(b"")
    result = runner.invoke(app, ["import", "anki", str(package)])
    assert result.exit_code == 2
    output = " ".join(result.output.split())
    assert "reading Anki packages needs the official anki library" in output
    assert f"hint: install the anki extra: {extra_install_command('anki')}" in output
