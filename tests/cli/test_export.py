"""`mlprep export anki`: every card type mapped, stable GUIDs, both languages."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from mlprep.cli import app
from tests.conftest import DATA

runner = CliRunner()


def notes(package: Path, tmp_path: Path) -> list[tuple[str, str, str]]:
    """(guid, model name, fields) of every note in an .apkg."""
    folder = tmp_path / f"unzipped-{package.stem}"
    zipfile.ZipFile(package).extractall(folder)
    db = sqlite3.connect(folder / "collection.anki2")
    import json

    models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
    rows = db.execute("SELECT guid, mid, flds FROM notes ORDER BY id").fetchall()
    return [(guid, models[str(mid)]["name"], fields) for guid, mid, fields in rows]


def test_export_maps_every_card_type(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.apkg"
    deck = DATA / "good_decks" / "unusual.yaml"
    result = runner.invoke(app, ["export", "anki", str(out), "--deck", str(deck)])
    assert result.exit_code == 0, result.output
    assert "4 notes in 1 deck (1 basic, 1 cloze, 1 mcq, 1 typed)" in " ".join(result.output.split())
    found = notes(out, tmp_path)
    assert len(found) == 4
    by_model = {model: fields for _, model, fields in found}
    cloze = next(f for _, m, f in found if m == "mlprep cloze")
    basic = [f for _, m, f in found if m == "mlprep basic"]
    assert any(
        "用 NumPy 写 softmax" in f and "Write softmax in NumPy" in f for f in basic
    )  # both languages
    assert any('<ol class="choices">' in f and "✔ 1" in f for f in basic)  # mcq front with choices
    assert any("\\(1/\\sqrt{d_k}\\)" in f for f in basic)  # math as MathJax
    typed = next(f for _, m, f in found if m == "mlprep typed")  # type-in-the-answer note
    assert (
        '\x1f15%\x1f<ul class="accepted"><li>15%</li><li>0.15</li><li>十五个百分点</li></ul>'
        in typed
    )
    assert "mlprep cloze" in by_model
    # The spaces around a gap are the source's (each piece used to be stripped).
    assert 'data-md="BERT：&#123;&#123;80%|0.8&#125;&#125; 替换为 [MASK]">' in cloze
    assert "<p>BERT：{{c1::80%}} 替换为 [MASK]</p>" in cloze
    assert "<p>BERT: {{c1::80%}} [MASK]</p>" in cloze


def test_reexport_keeps_guids(home: Path, tmp_path: Path) -> None:
    source = tmp_path / "edited.yaml"
    source.write_text(
        (DATA / "good_decks" / "unusual.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    first, second = tmp_path / "a.apkg", tmp_path / "b.apkg"
    assert runner.invoke(app, ["export", "anki", str(first), "--deck", str(source)]).exit_code == 0
    source.write_text(
        source.read_text(encoding="utf-8").replace("Write softmax", "Implement softmax"),
        encoding="utf-8",
    )
    assert runner.invoke(app, ["export", "anki", str(second), "--deck", str(source)]).exit_code == 0
    before, after = notes(first, tmp_path), notes(second, tmp_path)
    assert [g for g, _, _ in before] == [g for g, _, _ in after]
    assert any("Implement softmax" in f for _, _, f in after)


def test_shipped_decks_export(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.apkg"
    result = runner.invoke(app, ["export", "anki", str(out)])
    assert result.exit_code == 0, result.output
    guids = [g for g, _, _ in notes(out, tmp_path)]
    assert len(guids) == len(set(guids)) > 50


def test_bad_output_name(home: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "anki", str(tmp_path / "out.zip")])
    assert result.exit_code == 2
    assert "the Anki package must end in .apkg, not 'out.zip'" in result.output
