"""The quiz, stats and deck commands through Typer's CliRunner, scripted one line per answer."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlprep.cli import app

runner = CliRunner()

DECK = """\
id: demo
title: {en: Demo, zh: 演示}
topic: demo-topic
cards:
  - id: basic-1
    type: basic
    q: {en: "What does LayerNorm normalise over?", zh: "LayerNorm 在哪个维度归一化？"}
    a: {en: "The features of each token.", zh: "每个 token 的特征。"}
    tags: [norm]
  - id: mcq-1
    type: mcq
    q: {en: Scale factor?, zh: 缩放因子？}
    choices: ["1/d_k", "1/sqrt(d_k)", "sqrt(d_k)"]
    answer: 1
    explain: {en: Keeps the logits' variance near 1., zh: 让 logits 方差接近 1。}
  - id: typed-1
    type: typed
    q: {en: BERT mask rate?, zh: BERT 掩码比例？}
    answer: ["15%"]
  - id: cloze-1
    type: cloze
    text: {en: "BERT uses {{80%}} [MASK] and {{10%}} random tokens.", zh: "BERT 用 {{80%}} [MASK]、{{10%}} 随机 token。"}
"""


@pytest.fixture
def deck(home: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir(exist_ok=True)
    path = folder / "demo.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


def invoke(*args: str, input: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.output


def stats_json() -> dict[str, object]:
    code, output = invoke("stats", "--json")
    assert code == 0, output
    return json.loads(output)  # type: ignore[no-any-return]


def reviews(home: Path) -> list[tuple[str, int, int | None]]:
    db = sqlite3.connect(home / "mlprep.db")
    return list(db.execute("SELECT card_id, rating, correct FROM reviews ORDER BY id"))


def test_scripted_quiz_records_every_answer(home: Path, deck: Path) -> None:
    # the mcq order depends on --seed; find which displayed number is the right choice
    import random

    order = [0, 1, 2]
    random.Random(7).shuffle(order)
    right = str(order.index(1) + 1)
    script = "\n".join(["3", right, "0.15", "80%", "0.2"]) + "\n"
    code, output = invoke("quiz", "demo", "--seed", "7", "--limit", "4", input=script)
    assert code == 0, output
    assert "✓ right" in output and "✗ wrong" in output
    assert "answered 4 · correct 3" in output
    assert reviews(home) == [
        ("basic-1", 3, None),
        ("mcq-1", 3, 1),
        ("typed-1", 3, 1),
        ("cloze-1", 1, 0),
    ]
    stats = stats_json()
    assert stats["reviews_total"] == 4
    assert stats["reviews_today"] == 4
    topics = stats["topics"]
    assert isinstance(topics, dict)
    assert topics["demo-topic"]["learning"] == 4


def test_undo_skip_and_quit_keys(home: Path, deck: Path) -> None:
    script = "3\nu\n4\ns\nq\n"
    code, output = invoke("quiz", "demo", "--type", "basic", "--type", "typed", input=script)
    assert code == 0, output
    assert "undid your answer to demo/basic-1" in output
    assert "skipped" in output
    assert reviews(home) == [("basic-1", 4, None)]


def test_end_of_input_ends_cleanly(home: Path, deck: Path) -> None:
    code, output = invoke("quiz", "demo", input="3\n")
    assert code == 0
    assert "answered 1" in output
    assert "Traceback" not in output


def test_escaped_command_letters_are_answers(home: Path, deck: Path) -> None:
    code, output = invoke("quiz", "demo", "--type", "typed", input="\\q\n")
    assert "✗ wrong" in output
    assert code == 0
    assert reviews(home) == [("typed-1", 1, 0)]  # answered "q" (wrong), not quit


def test_cram_does_not_schedule(home: Path, deck: Path) -> None:
    code, _ = invoke("quiz", "demo", "--mode", "cram", "--type", "basic", input="1\n")
    assert code == 0
    db = sqlite3.connect(home / "mlprep.db")
    assert db.execute("SELECT COUNT(*) FROM card_states").fetchone()[0] == 0
    assert db.execute("SELECT mode FROM reviews").fetchall() == [("cram",)]


def test_language_option_both(home: Path, deck: Path) -> None:
    code, output = invoke("quiz", "demo", "--type", "basic", "--lang", "both", input="3\n")
    assert code == 0
    assert (
        "LayerNorm 在哪个维度归一化" in output and "What does LayerNorm normalise over?" in output
    )


def test_chinese_from_env(home: Path, deck: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLPREP_LANG", "zh")
    code, output = invoke("quiz", "demo", "--type", "basic", input="3\n")
    assert code == 0
    assert "每个 token 的特征" in output and "The features of each token" not in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["quiz", "nosuchdeck"], "no deck with id 'nosuchdeck'"),
        (["quiz", "demo", "--mode", "fast"], "--mode must be review or cram, not 'fast'"),
        (["quiz", "demo", "--type", "essay"], "unknown card type 'essay' for --type"),
        (["quiz", "demo", "--lang", "fr"], "--lang must be en, zh or both, not 'fr'"),
        (["quiz", "demo", "--topic", "nope"], "no deck has topic nope"),
    ],
)
def test_usage_errors_exit_2(home: Path, deck: Path, args: list[str], message: str) -> None:
    code, output = invoke(*args)
    assert code == 2
    assert message in output
    assert "Traceback" not in output


def test_broken_user_deck_is_skipped_with_one_warning(home: Path, deck: Path) -> None:
    broken = deck.parent / "broken.yaml"
    broken.write_text("id: broken\ntitle: B\ncards:\n  - {id: x, q: y}\n")
    message = f"{broken}:4:5: basic card 'x' has no `a`"
    for args in (["quiz", "demo", "--type", "basic"], ["deck", "list"], ["stats"]):
        code, output = invoke(*args, input="3\n")
        assert code == 0, (args, output)
        flat = " ".join(output.split())
        assert flat.count(message) == 1, (args, output)  # warned once, with the lint message
        assert "skipped 1 broken deck file" in flat
    code, output = invoke("deck", "lint", str(broken))  # lint and the loader agree
    assert code == 2 and message in " ".join(output.split())
    code, output = invoke("quiz", str(broken))  # asked for by path: an error, not a warning
    assert code == 2 and message in " ".join(output.split())


def test_user_deck_with_a_shipped_id(home: Path, deck: Path) -> None:
    mine = deck.parent / "mine.yaml"
    mine.write_text("title: Mine\nid: transformer\ncards:\n  - {id: x, q: y, a: z}\n")
    expected = f"{mine}:2:5: deck id 'transformer' is the id of a shipped deck"
    code, output = invoke("deck", "lint", str(mine))
    flat = " ".join(output.split())
    assert code == 2 and expected in flat and "rename the id" in flat
    code, output = invoke("quiz", str(mine), input="3\n")  # not studied under the shipped id
    assert code == 2 and expected in " ".join(output.split())
    assert not (home / "mlprep.db").exists()
    code, output = invoke("deck", "list", "--json")  # everything else goes on
    assert code == 0
    rows = {row["id"]: row for row in json.loads(output[output.index("[") :])}
    assert "demo" in rows and rows["transformer"]["path"].endswith("decks/transformer.yaml")
    assert expected in " ".join(output.split())


def test_corrupt_store_exit_2_and_untouched(home: Path, deck: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "mlprep.db").write_bytes(b"garbage" * 50)
    for args in (["quiz", "demo"], ["stats", "--json"]):
        code, output = invoke(*args, input="3\n")
        assert code == 2
        assert "cannot be read" in output and "left untouched" in output
        assert "Traceback" not in output
    assert (home / "mlprep.db").read_bytes() == b"garbage" * 50


def test_debug_shows_traceback_but_keeps_exit_code(home: Path, deck: Path) -> None:
    code, output = invoke("--debug", "quiz", "nosuchdeck")
    assert code == 2
    assert "Traceback" in output and "no deck with id 'nosuchdeck'" in output


def test_deck_list_json(home: Path, deck: Path) -> None:
    invoke("quiz", "demo", "--type", "basic", input="1\n")
    code, output = invoke("deck", "list", "--json")
    assert code == 0, output
    rows = {row["id"]: row for row in json.loads(output)}
    assert rows["demo"]["title"] == "Demo"
    assert rows["demo"]["topic"] == "demo-topic"
    assert rows["demo"]["cards"] == 4
    assert rows["demo"]["new"] == 3
    code, output = invoke("deck", "list", "--lang", "zh")
    assert code == 0 and "演示" in output


def test_stats_human_output(home: Path, deck: Path) -> None:
    invoke("quiz", "demo", "--type", "basic", input="3\n")
    code, output = invoke("stats")
    assert code == 0
    assert "reviews today 1 · total 1" in output
    assert "demo-topic" in output


def test_quiz_with_nothing_due(home: Path, deck: Path) -> None:
    code, output = invoke("quiz", "demo", "--new", "0")
    assert code == 0
    assert "nothing to study right now" in output


def test_version_and_module_entry(home: Path) -> None:
    code, output = invoke("--version")
    assert code == 0 and output.startswith("mlprep ")


def test_editing_card_text_keeps_progress(home: Path, deck: Path) -> None:
    invoke("quiz", "demo", "--type", "basic", input="4\n")
    deck.write_text(
        deck.read_text(encoding="utf-8").replace(
            "What does LayerNorm", "Over which axis does LayerNorm"
        ),
        encoding="utf-8",
    )
    code, output = invoke("deck", "list", "--json")
    assert code == 0
    (row,) = [r for r in json.loads(output) if r["id"] == "demo"]
    assert row["new"] == 3  # the edited card is still known by its id
    code, output = invoke("quiz", "demo", "--type", "basic", "--mode", "cram", input="3\n")
    assert "Over which axis does LayerNorm" in output


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ("newer", "written by a newer mlprep (schema 99"),
        ("truncated", "cannot be read"),
        ("folder", "is a folder, not a file"),
    ],
)
def test_unusable_store_exit_2_and_untouched(
    home: Path, deck: Path, damage: str, message: str
) -> None:
    store = home / "mlprep.db"
    invoke("quiz", "demo", "--type", "basic", input="3\n")  # a real store with one answer
    if damage == "newer":
        db = sqlite3.connect(store)
        db.execute("PRAGMA user_version = 99")
        db.close()
    elif damage == "truncated":
        store.write_bytes(store.read_bytes()[:2048])
    else:
        store.unlink()
        for suffix in ("-wal", "-shm"):
            (home / f"mlprep.db{suffix}").unlink(missing_ok=True)
        store.mkdir()
    before = store.read_bytes() if store.is_file() else None
    for args in (["quiz", "demo"], ["stats"], ["deck", "list"]):
        code, output = invoke(*args, input="3\n")
        assert code == 2, (args, output)
        assert message in " ".join(output.split())
        assert "Traceback" not in output
    if before is not None:
        assert store.read_bytes() == before


LINEAR = """\
id: lang
title: Lang
topic: lang-topic
cards:
  - id: scan
    type: typed
    q: {en: Cost of a linear scan?, zh: 线性扫描的复杂度？}
    answer: ["O(n)", "Θ(n)", "linear", "线性"]
"""


@pytest.mark.parametrize(
    ("lang", "shown"),
    [("en", "O(n) | Θ(n) | linear"), ("zh", "O(n) | Θ(n) | 线性"),
     ("both", "O(n) | Θ(n) | linear | 线性")],
)  # fmt: skip
def test_typed_answers_are_shown_in_the_display_language(
    home: Path, tmp_path: Path, lang: str, shown: str
) -> None:
    path = tmp_path / "lang.yaml"
    path.write_text(LINEAR, encoding="utf-8")
    code, output = invoke("quiz", str(path), "--lang", lang, input="quadratic\n")
    assert code == 0, output
    line = next(line for line in output.splitlines() if "O(n)" in line)
    assert line.split(": ", 1)[1].strip() == shown
