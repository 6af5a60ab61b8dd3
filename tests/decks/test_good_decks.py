"""Valid decks load exactly as written, including unusual content."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mlprep.cli import app
from mlprep.decks import load_deck
from tests.conftest import DATA, REPO

runner = CliRunner()


def test_unusual_deck_loads_every_field() -> None:
    deck = load_deck(DATA / "good_decks" / "unusual.yaml")
    assert deck.id == "unusual"
    assert deck.title.en == "Unusual but valid 🚀"
    assert deck.topic == "testing"
    cards = {card.id: card for card in deck.cards}
    assert list(cards) == ["cjk-code", "math", "full-width", "cloze-cjk"]
    code = cards["cjk-code"]
    assert code.a.en is not None and "keepdims=True)\n```" in code.a.en
    assert code.tags == ("numerics", "数值")
    assert code.difficulty == 2 and code.kata == "attention"
    assert code.source == "000_86c4d933e545a3f7.txt"
    assert cards["math"].correct_choices == (0,)
    assert cards["math"].choices[2].get("en") == "0.5"
    assert cards["full-width"].accepted == ("15%", "0.15", "十五个百分点")
    assert cards["cloze-cjk"].text.zh == "BERT：{{80%|0.8}} 替换为 [MASK]"


def test_lint_valid_deck_prints_summary(home: Path) -> None:
    path = DATA / "good_decks" / "unusual.yaml"
    result = runner.invoke(app, ["deck", "lint", str(path)])
    assert result.exit_code == 0, result.output
    assert "deck 'unusual', 4 cards (1 basic, 1 cloze, 1 mcq, 1 typed)" in result.output
    assert "1 deck, 4 cards: all valid" in result.output


def test_shipped_decks_lint_clean(home: Path) -> None:
    result = runner.invoke(app, ["deck", "lint"])
    assert result.exit_code == 0, result.output
    assert "all valid" in result.output
    shipped = sorted((REPO / "decks").glob("*.yaml"))
    assert shipped, "the repository ships at least one deck"
    for path in shipped:
        assert f"ok {path}" in " ".join(result.output.split())


def test_lint_json_lists_decks_and_located_problems(home: Path, tmp_path: Path) -> None:
    good = DATA / "good_decks" / "unusual.yaml"
    result = runner.invoke(app, ["deck", "lint", "--json", str(good)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report == {
        "ok": True,
        "decks": [{"id": "unusual", "path": str(good), "cards": 4}],
        "problems": [],
    }
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\ntitle: Bad\ntopic: t\ncards:\n  - {id: a, q: Q?}\n")
    result = runner.invoke(app, ["deck", "lint", "--json", str(bad)])
    assert result.exit_code == 2
    report = json.loads(result.output)
    assert report["ok"] is False and report["decks"] == []
    [problem] = report["problems"]
    assert problem["path"] == str(bad) and problem["line"] == 5
    assert problem["message"] == "basic card 'a' has no `a`"
