"""`mlprep import anki`: packages made by genanki, by Anki itself, and mlprep's own round trip."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import genanki
import pytest
import yaml
from typer.testing import CliRunner

from mlprep.cli import app
from mlprep.decks.loader import load_deck
from mlprep.decks.model import Deck
from mlprep.export.anki import export_anki
from mlprep.interop.anki_import import import_anki
from mlprep.paths import resolve_paths
from tests.conftest import DATA
from tests.interop.conftest import REASON, anki_import

collection = pytest.importorskip("anki.collection", reason=REASON)

runner = CliRunner()
COMPARED = ("id", "type", "q", "a", "text", "choices", "correct_choices", "accepted")
ALSO = ("explain", "key_points", "tags", "source", "kata", "difficulty")


def card_view(deck: Deck) -> dict[str, dict[str, Any]]:
    """Every field that matters; tags as a set (Anki keeps a note's tags sorted)."""
    return {
        card.id: {name: getattr(card, name) for name in COMPARED + ALSO} | {"tags": set(card.tags)}
        for card in deck.cards
    }


def test_round_trip_of_the_shipped_decks(
    home: Path, shipped_package: tuple[Path, list[Deck]]
) -> None:
    package, decks = shipped_package
    result = runner.invoke(app, ["import", "anki", str(package)])
    assert result.exit_code == 0, result.output
    lint = runner.invoke(app, ["deck", "lint"])
    assert lint.exit_code == 0, lint.output
    copies = [load_deck(path) for path in sorted((home.parent / "decks").glob("*.yaml"))]
    imported = {deck.id: deck for deck in copies}
    # The shipped ids are taken, so each copy is `<id>-anki`; the cards are the same cards.
    assert sorted(imported) == sorted(f"{deck.id}-anki" for deck in decks)
    for deck in decks:
        copy = imported[f"{deck.id}-anki"]
        assert card_view(copy) == card_view(deck), deck.id
        assert copy.title == deck.title and copy.topic == (deck.topic or deck.id)
    assert "text edited in Anki" not in result.output


def foreign_package(path: Path) -> Path:
    """A package as other Anki deck authors make them (genanki, Anki's own note types)."""
    basic = genanki.Model(
        1607392319,
        "Basic",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Notes"}],
        templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr>{{Back}}"}],
    )
    typed = genanki.Model(
        1607392320,
        "Basic (type in the answer)",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}\n{{type:Back}}",
                "afmt": "{{Front}}<hr>{{type:Back}}",
            }
        ],
    )
    cloze = genanki.Model(
        998877661,
        "Cloze",
        fields=[{"name": "Text"}, {"name": "Back Extra"}],
        templates=[
            {"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Back Extra}}"}
        ],
        model_type=genanki.Model.CLOZE,
    )
    verbs = genanki.Deck(2059400110, "Languages::Japanese::Verbs")
    verbs.add_note(
        genanki.Note(
            model=basic,
            fields=[
                "What does <b>taberu</b>&nbsp;mean?",
                "<div>to eat</div><div>(ichidan verb)</div>",
                "<img src='eat.png'> [sound:taberu.mp3]",
            ],
            tags=["verbs", "N5"],
            guid="verb-taberu",
        )
    )
    math = genanki.Deck(2059400111, "Math")
    math.add_note(
        genanki.Note(
            model=cloze,
            fields=[
                "The derivative of \\(x^2\\) is {{c1::2x::linear}}, of {{c2::e^x}} itself.",
                "",
            ],
            guid="math-derivative",
        )
    )
    math.add_note(genanki.Note(model=typed, fields=["2 + 2 =", "4"], guid="math-sum"))
    math.add_note(
        genanki.Note(model=basic, fields=["Only a picture", "<img src='x.png'>", ""], guid="pic")
    )
    chinese = genanki.Deck(2059400112, "日语::动词")
    chinese.add_note(genanki.Note(model=basic, fields=["食べる", "吃", ""], guid="zh-taberu"))
    genanki.Package([verbs, math, chinese]).write_to_file(str(path))
    return path


def test_import_a_genanki_package(home: Path, tmp_path: Path) -> None:
    package = foreign_package(tmp_path / "foreign.apkg")
    result = runner.invoke(app, ["import", "anki", str(package)])
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "imported 4 cards into 3 decks" in output
    assert "3 media files not imported" in output
    assert "1 card left out:" in output and "card anki-" in output and "a is empty" in output
    decks = home.parent / "decks"
    verbs = yaml.safe_load((decks / "languages-japanese-verbs.yaml").read_text("utf-8"))
    assert verbs["title"] == "Languages › Japanese › Verbs" and verbs["topic"] == "languages"
    (card,) = verbs["cards"]
    assert card["q"] == "What does **taberu** mean?"
    assert card["a"] == "to eat\n(ichidan verb)"
    assert card["tags"] == ["Japanese", "N5", "verbs"]  # the level between, then Anki's (sorted)
    assert "explain" not in card  # the media-only field is empty once media are dropped
    math = load_deck(decks / "math.yaml")
    by_type = {c.type: c for c in math.cards}
    assert by_type["cloze"].text.plain == "The derivative of $x^2$ is {{2x}}, of {{e^x}} itself."
    assert by_type["typed"].accepted == ("4",) and by_type["typed"].q.plain == "2 + 2 ="
    (chinese,) = [load_deck(p) for p in decks.glob("anki-*.yaml")]  # no ASCII to make an id of
    assert chinese.topic == "日语" and chinese.title.plain == "日语 › 动词"
    assert [(c.q.plain, c.a.plain) for c in chinese.cards] == [("食べる", "吃")]
    assert runner.invoke(app, ["deck", "lint"]).exit_code == 0


def test_import_packages_exported_by_anki(home: Path, col: Any, tmp_path: Path) -> None:
    deck_id = col.decks.id("Physics::Units")
    note = col.new_note(col.models.by_name("Basic (and reversed card)"))
    note["Front"], note["Back"] = "SI unit of force", "newton (N)"
    note.tags = ["si"]
    col.add_note(note, deck_id)
    cloze = col.new_note(col.models.by_name("Cloze"))
    cloze["Text"] = "Light travels at {{c1::300,000}} km/s."
    col.add_note(cloze, deck_id)
    apkg = tmp_path / "physics.apkg"
    limit = collection.DeckIdLimit(deck_id)
    options = collection.ExportAnkiPackageOptions(with_scheduling=True, with_media=True)
    assert col.export_anki_package(out_path=str(apkg), options=options, limit=limit) == 2
    written = import_anki(resolve_paths(), apkg).decks
    (deck,) = [load_deck(w.path) for w in written]
    assert deck.id == "physics-units" and deck.topic == "physics"
    cards = {c.type: c for c in deck.cards}
    assert cards["basic"].q.plain == "SI unit of force" and cards["basic"].a.plain == "newton (N)"
    assert cards["basic"].tags == ("si",)
    assert cards["cloze"].text.plain == "Light travels at {{300,000}} km/s."

    colpkg = tmp_path / "everything.colpkg"
    col.export_collection_package(str(colpkg), include_media=True, legacy=False)
    again = import_anki(resolve_paths(), colpkg)
    assert [w.deck_id for w in again.decks] == ["physics-units"] and again.decks[0].replaced
    assert card_view(load_deck(again.decks[0].path)) == card_view(deck)


def test_an_edit_made_in_anki_comes_back(home: Path, col: Any, tmp_path: Path) -> None:
    original = load_deck(DATA / "good_decks" / "unusual.yaml")
    first = tmp_path / "unusual.apkg"
    export_anki([original], first)
    anki_import(col, first)
    note = col.get_note(col.find_notes('"Meta:unusual/cjk-code*"')[0])
    note["Front"] = note["Front"].replace(
        "Write softmax in NumPy 🤔</p>", "Write a <b>stable</b> softmax</p>"
    )
    col.update_note(note)
    edited = tmp_path / "edited.apkg"
    options = collection.ExportAnkiPackageOptions(with_scheduling=False, with_media=False)
    col.export_anki_package(out_path=str(edited), options=options, limit=None)
    result = runner.invoke(app, ["import", "anki", str(edited)])
    assert result.exit_code == 0, result.output
    assert "1 text edited in Anki converted from HTML" in result.output
    back = load_deck(home.parent / "decks" / "unusual.yaml")  # the id is free here
    cards = {c.id: c for c in back.cards}
    assert cards["cjk-code"].q.en == "Write a **stable** softmax"
    assert cards["cjk-code"].q.zh == original.cards[0].q.zh
    assert dataclasses.replace(cards["cloze-cjk"], line=0) == dataclasses.replace(
        original.cards[3], line=0
    )


def test_a_hand_written_deck_is_never_overwritten(home: Path, tmp_path: Path) -> None:
    decks = home.parent / "decks"
    decks.mkdir()
    mine = decks / "math.yaml"
    mine.write_text("id: mine\ntitle: Mine\ncards:\n  - {id: a, q: Q, a: A}\n", "utf-8")
    before = mine.read_text("utf-8")
    result = runner.invoke(app, ["import", "anki", str(foreign_package(tmp_path / "f.apkg"))])
    assert result.exit_code == 0, result.output
    assert mine.read_text("utf-8") == before
    assert load_deck(decks / "math-anki.yaml").id == "math-anki"


def test_bad_packages(home: Path, tmp_path: Path) -> None:
    text = tmp_path / "deck.txt"
    text.write_text("front,back\n", "utf-8")
    result = runner.invoke(app, ["import", "anki", str(text)])
    assert result.exit_code == 2
    assert "'deck.txt' is not an Anki package: give a .apkg or .colpkg file" in result.output
    broken = tmp_path / "broken.apkg"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    result = runner.invoke(app, ["import", "anki", str(broken)])
    assert result.exit_code == 2
    assert f"{broken}: Anki cannot read this package" in " ".join(result.output.split())
    result = runner.invoke(app, ["import", "anki", str(tmp_path / "missing.apkg")])
    assert result.exit_code == 2 and "no such file:" in result.output


def test_review_history_continues_in_mlprep(home: Path, col: Any, tmp_path: Path) -> None:
    from mlprep.store import open_store

    deck_id = col.decks.id("History")
    studied, fresh = (col.new_note(col.models.by_name("Basic")) for _ in range(2))
    studied["Front"], studied["Back"] = "studied", "yes"
    fresh["Front"], fresh["Back"] = "fresh", "no"
    col.add_note(studied, deck_id)
    col.add_note(fresh, deck_id)
    card = col.get_card(studied.card_ids()[0])
    for ease in (3, 4):  # good, then easy: graduates to review
        card.start_timer()
        col.sched.answerCard(card, ease)
        card = col.get_card(card.id)
    package = tmp_path / "history.apkg"
    options = collection.ExportAnkiPackageOptions(with_scheduling=True, with_media=False)
    col.export_anki_package(out_path=str(package), options=options, limit=None)

    result = runner.invoke(app, ["import", "anki", str(package), "--with-history"])
    assert result.exit_code == 0, result.output
    assert "review history: 2 reviews of 1 card replayed into your progress" in result.output
    ids = {c.q.plain: c.id for c in load_deck(home.parent / "decks" / "history.yaml").cards}
    with open_store(resolve_paths().store) as store:
        state = store.card_state("history", ids["studied"])
        assert state is not None and state.state == 2  # FSRS "review", as in Anki
        assert store.card_state("history", ids["fresh"]) is None
        assert [(r.rating, r.session_id) for r in store.reviews()] == [
            (3, "anki-import"),
            (4, "anki-import"),
        ]
    again = runner.invoke(app, ["import", "anki", str(package), "--with-history"])
    assert "1 card already studied in mlprep kept as they are" in " ".join(again.output.split())
    with open_store(resolve_paths().store) as store:
        assert store.review_count() == 2
