"""The exported package as Anki itself reads it (the official `anki` library)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mlprep.cli import app
from mlprep.decks.loader import load_deck
from mlprep.decks.schema import GAP_PATTERN
from mlprep.export.anki import MODEL_BASIC, MODEL_CLOZE, MODEL_TYPED, export_anki
from mlprep.interop.html_md import elements
from tests.conftest import DATA
from tests.interop.conftest import REASON, anki_import

pytest.importorskip("anki.collection", reason=REASON)

runner = CliRunner()


def visible(html_text: str) -> str:
    """What the learner reads: tags and the style block removed."""
    text = re.sub(r"<style>.*?</style>", "", html_text, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def lang_block(html_text: str, lang: str) -> str:
    return next(
        e.inner for e in elements(html_text, "div") if e.attrs.get("class") == f"lang-{lang}"
    )


def test_shipped_decks_in_anki(col: Any, shipped_package: tuple[Path, list[Any]]) -> None:
    package, decks = shipped_package
    cards = [card for deck in decks for card in deck.cards]
    log = anki_import(col, package)
    assert len(log.new) == len(cards) and not log.updated and not log.conflicting
    assert col.note_count() == len(cards) == col.card_count()
    by_model: dict[str, int] = {}
    formulas = 0
    source = {f"{c.deck_id}/{c.id}": c for c in cards}
    for card_id in col.find_cards(""):
        card = col.get_card(card_id)
        note = card.note()
        model = note.note_type()["name"]
        by_model[model] = by_model.get(model, 0) + 1
        question, answer = card.question(), card.answer()
        assert visible(question).strip() and visible(answer).strip()
        formulas += answer.count("\\(") + answer.count("\\[")
        original = source[visible(note["Meta"]).split(" · ")[0]]
        if model == MODEL_CLOZE:
            for lang, text in (("en", original.text.en), ("plain", original.text.plain)):
                if text is None:
                    continue
                shown = visible(lang_block(question, lang))
                text = text.replace("`", "").replace("**", "")  # Markdown marks, not shown
                # The spaces around every gap are the source's: count them on both sides.
                gaps = list(GAP_PATTERN.finditer(text))
                spaced_before = sum(1 for g in gaps if text[g.start() - 1 : g.start()] == " ")
                spaced_after = sum(1 for g in gaps if text[g.end() : g.end() + 1] == " ")
                assert shown.count(" [...]") == spaced_before, (original.id, shown)
                assert shown.count("[...] ") == spaced_after, (original.id, shown)
        if model == MODEL_TYPED:
            assert "[[type:Answer]]" in question  # Anki's type-in box (the app draws it here)
            shown = visible(answer)
            assert all(accepted in shown for accepted in original.accepted)
    kinds = {t: sum(1 for c in cards if c.type == t) for t in ("basic", "mcq", "typed", "cloze")}
    assert by_model == {
        MODEL_BASIC: kinds["basic"] + kinds["mcq"],
        MODEL_TYPED: kinds["typed"],
        MODEL_CLOZE: kinds["cloze"],
    }
    assert formulas > 1000  # math survives as MathJax
    quicksort = col.get_note(col.find_notes('"Meta:algorithms/quicksort-complexity*"')[0])
    shown = visible(col.get_card(quicksort.card_ids()[0]).question())
    assert "Quicksort runs in [...] time on average and [...] in the worst case" in shown

    again = anki_import(col, package)  # importing again updates, never duplicates
    assert not again.new and col.note_count() == len(cards)


def test_reimport_after_edit_keeps_review_progress(col: Any, tmp_path: Path) -> None:
    deck_file = tmp_path / "unusual.yaml"
    deck_file.write_text((DATA / "good_decks" / "unusual.yaml").read_text("utf-8"), "utf-8")
    first = tmp_path / "first.apkg"
    export_anki([load_deck(deck_file)], first, timestamp=1_800_000_000)
    anki_import(col, first)
    card = col.get_card(col.find_cards('"Meta:unusual/cjk-code*"')[0])
    card.start_timer()
    col.sched.answerCard(card, 3)
    reps = col.get_card(card.id).reps
    deck_file.write_text(
        deck_file.read_text("utf-8").replace("Write softmax", "Implement softmax"), "utf-8"
    )
    second = tmp_path / "second.apkg"
    export_anki([load_deck(deck_file)], second, timestamp=1_800_000_060)
    log = anki_import(col, second)
    assert len(log.updated) == 4 and not log.new and col.note_count() == 4
    assert "Implement softmax" in col.get_card(card.id).question()
    assert col.get_card(card.id).reps == reps == 1


def test_typed_and_key_points_on_the_back(col: Any, tmp_path: Path) -> None:
    deck_file = tmp_path / "kp.yaml"
    deck_file.write_text(
        "id: kp\ntitle: KP\ncards:\n"
        "  - {id: rate, type: typed, q: Mask rate?, answer: ['15%', 0.15, 十五个百分点]}\n"
        "  - id: why\n    q: Why scale?\n    a: Variance.\n"
        "    key_points: [{en: [variance grows], zh: [方差变大]}, softmax saturates]\n",
        "utf-8",
    )
    out = tmp_path / "kp.apkg"
    export_anki([load_deck(deck_file)], out)
    anki_import(col, out)
    typed = col.get_card(col.find_cards('"note:mlprep typed"')[0])
    assert "{{type:Answer}}" in typed.note().note_type()["tmpls"][0]["qfmt"]
    assert typed.note()["Answer"] == "15%"
    assert "[[type:Answer]]" in typed.answer()  # the app compares what was typed here
    assert "<li>15%</li><li>0.15</li><li>十五个百分点</li>" in typed.answer()
    open_card = col.get_card(col.find_cards('"note:mlprep basic"')[0])
    back = visible(open_card.answer())
    assert "Variance." in back and "方差变大 / variance grows" in back
    assert "softmax saturates" in back


def test_changed_card_type_is_reported_and_new_guid_makes_a_new_note(
    home: Path, col: Any, tmp_path: Path
) -> None:
    deck_file = tmp_path / "change.yaml"
    deck_file.write_text(
        "id: change\ntitle: C\ncards:\n"
        "  - {id: rate, type: mcq, q: Mask rate?, choices: ['15%', '50%'], answer: 0}\n",
        "utf-8",
    )
    first = tmp_path / "a.apkg"
    args = ["export", "anki", str(first), "--deck", str(deck_file)]
    assert runner.invoke(app, args).exit_code == 0
    anki_import(col, first)
    deck_file.write_text(
        "id: change\ntitle: C\ncards:\n  - {id: rate, type: cloze, text: 'Mask {{15%}} of it.'}\n",
        "utf-8",
    )
    kept = tmp_path / "b.apkg"
    result = runner.invoke(app, ["export", "anki", str(kept), "--deck", str(deck_file)])
    assert result.exit_code == 0
    output = " ".join(result.output.split())
    assert "1 card changed note type since the last export" in output
    assert "change/rate: mlprep basic → mlprep cloze" in output
    assert "--type-changed new-guid" in output
    log = anki_import(col, kept)  # what the warning is about: Anki keeps the old note
    assert len(log.conflicting) == 1 and not log.new
    renewed = tmp_path / "c.apkg"
    result = runner.invoke(
        app,
        ["export", "anki", str(renewed), "--deck", str(deck_file), "--type-changed", "keep"],
    )
    assert "changed note type" not in result.output  # reported once, then recorded
    deck_file.write_text(
        "id: change\ntitle: C\ncards:\n  - {id: rate, type: typed, q: Mask rate?, answer: '15%'}\n",
        "utf-8",
    )
    result = runner.invoke(
        app,
        ["export", "anki", str(renewed), "--deck", str(deck_file), "--type-changed", "new-guid"],
    )
    assert result.exit_code == 0
    assert "change/rate: mlprep cloze → mlprep typed (new note id)" in " ".join(
        result.output.split()
    )
    log = anki_import(col, renewed)
    assert len(log.new) == 1
    assert col.find_notes('"note:mlprep typed"')


def test_bad_type_changed_value(home: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", "anki", str(tmp_path / "x.apkg"), "--type-changed", "maybe"]
    )
    assert result.exit_code == 2
    assert "--type-changed must be keep or new-guid, not 'maybe'" in result.output
