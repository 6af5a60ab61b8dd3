"""The daily loop through the CLI, scripted one line per answer, with the clock injected (MLPREP_NOW)."""

from __future__ import annotations

import io
import json
import re
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from mlprep.cli import app

runner = CliRunner()

DECK = """\
id: demo
title: {en: Demo, zh: 演示}
topic: demo-topic
cards:
  - id: basic-1
    q: {en: "What does LayerNorm normalise over?", zh: "LayerNorm 在哪个维度归一化？"}
    a: {en: "The features of each token.", zh: "每个 token 的特征。"}
    tags: [norm]
  - id: basic-2
    q: {en: "Why scale attention logits?", zh: "为什么要缩放注意力分数？"}
    a: {en: "To keep softmax out of saturation.", zh: "避免 softmax 饱和。"}
  - id: typed-1
    type: typed
    q: {en: BERT mask rate?, zh: BERT 掩码比例？}
    answer: ["15%"]
  - id: cloze-1
    type: cloze
    text: {en: "BERT uses {{80%}} [MASK] tokens.", zh: "BERT 用 {{80%}} 的 [MASK]。"}
  - id: mcq-1
    type: mcq
    q: {en: Scale factor?, zh: 缩放因子？}
    choices: ["1/d_k", "1/sqrt(d_k)", "sqrt(d_k)", "d_k"]
    answer: 1
"""


def local(text: str) -> str:
    """A local wall-clock time as ISO with its offset (study days are local)."""
    return datetime.fromisoformat(text).astimezone().isoformat()


@pytest.fixture
def deck(home: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir(exist_ok=True)
    path = folder / "demo.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


def invoke(*args: str, input: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, " ".join(result.output.split())


def headers(output: str) -> list[str]:
    """deck · card · type · counter, from every card's header rule."""
    return re.findall(r"─ (\S+ · \S+ · \w+ · [^─]+?) ─", output)


def test_first_session_on_a_fresh_store_mixes_the_shipped_decks(home: Path) -> None:
    code, output = invoke("quiz", "--seed", "3", input="s\n" * 20)
    assert code == 0, output
    shown = headers(output)
    assert len(shown) == 20
    decks = [h.split(" · ")[0] for h in shown]
    assert len(set(decks)) >= 5, decks
    assert len(set(decks[:5])) == 5  # one deck after another, not 20 cards of the first deck
    again = invoke("quiz", "--seed", "3", input="s\n" * 20)[1]
    assert headers(again) == shown  # reproducible with --seed
    by_deck = invoke("quiz", "--seed", "3", "--order", "deck", input="s\n" * 3)[1]
    assert len({h.split(" · ")[0] for h in headers(by_deck)}) == 1
    code, output = invoke("quiz", "--order", "alphabetical")
    assert code == 2 and "--order must be mixed, deck or random, not 'alphabetical'" in output


def test_new_limit_says_which_option_raises_it(deck: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLPREP_NOW", local("2026-06-10T09:00:00"))
    assert invoke("config", "new-per-day", "2")[0] == 0
    code, output = invoke("quiz", "demo", input="4\n4\n")  # the two basic cards come first
    assert code == 0 and "answered 2" in output
    assert "today's new-card limit is reached (2 of 2 a day): 3 new cards wait" in output
    assert "mlprep quiz --new N studies N more now" in output
    code, output = invoke("quiz", "demo", input="4\n")
    assert code == 0
    assert "nothing to study right now: today's new-card limit is reached (2 of 2 a day)" in output
    assert "mlprep config new-per-day N" in output
    code, output = invoke("quiz", "demo", "--type", "basic", "--new", "1", input="")
    assert len(headers(output)) == 0 and "nothing to study" in output  # no basic card is new
    code, output = invoke("quiz", "demo", "--new", "1", input="q\n")
    assert len(headers(output)) == 1  # --new 1: one more, whatever today's count
    code, output = invoke("quiz", "--help")
    assert "Up to N new cards in this session" in output
    code, output = invoke("quiz", "demo", "--lang", "zh", input="")
    assert (
        "现在没有要学的卡片" in output and "已达到今天的新卡上限（每天 2 张，已学 2 张）" in output
    )


def test_plan_and_quiz_share_the_daily_limit(deck: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLPREP_NOW", local("2026-06-10T09:00:00"))
    code, output = invoke("plan", "--date", "2026-06-20")
    assert code == 0, output
    needed = int(re.search(r"about (\d+) new a day; your daily limit is 20", output)[1])  # type: ignore[index]
    assert needed > 20
    assert f"mlprep plan --new-per-day {needed} (or mlprep config new-per-day {needed})" in output
    code, output = invoke("plan", "--date", "2099-01-01", "--new-per-day", "3", "--json")
    assert code == 0, output
    assert json.loads(output[output.index("{") :])["new_per_day"] == 3
    code, output = invoke("config", "new-per-day", "--json")
    assert code == 0 and json.loads(output) == {"new-per-day": 3}
    code, output = invoke("quiz", "demo", input="s\n" * 10)
    assert len(headers(output)) == 3
    code, output = invoke("config", "new-per-day", "lots")
    assert code == 2 and "must be a whole number from 0 to 9999, not 'lots'" in output
    code, output = invoke("config", "new-cards", "3")
    assert code == 2 and "unknown setting 'new-cards'" in output


def test_counter_counts_down_to_zero(deck: Path) -> None:
    code, output = invoke("quiz", "demo", "--type", "basic", "--seed", "1", input="3\n4\n4\n")
    assert code == 0, output
    counters = [h.split(" · ", 3)[3] for h in headers(output)]
    # good on a new card: a learning step that comes back; easy: done for today
    assert counters == ["2 left", "1 left · 1 coming back", "1 coming back"]
    assert "answered 3" in output and "left 0 ·" in output


def test_one_day_review_answered_at_20_is_due_next_morning(
    deck: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLPREP_NOW", local("2026-06-10T20:00:00"))
    code, output = invoke("quiz", "demo", "--type", "basic", "--limit", "1", input="1\n4\n")
    assert code == 0 and "answered 2" in output  # again, then easy: one day
    db = sqlite3.connect(Path(str(deck)).parent.parent / "home" / "mlprep.db")
    (due,) = db.execute("SELECT due FROM card_states").fetchone()
    assert due - datetime.fromisoformat(local("2026-06-10T20:00:00")).timestamp() == 86400
    monkeypatch.setenv("MLPREP_NOW", local("2026-06-11T03:00:00"))  # before the rollover
    code, output = invoke("quiz", "demo", "--type", "basic", "--new", "0", input="3\n")
    assert "nothing to study right now" in output
    monkeypatch.setenv("MLPREP_NOW", local("2026-06-11T08:00:00"))  # the next morning
    code, output = invoke("quiz", "demo", "--type", "basic", "--new", "0", input="3\n")
    assert [h.split(" · ")[1] for h in headers(output)] == ["basic-1"]
    code, output = invoke("stats", "--json")
    stats = json.loads(output)
    assert stats["due_now"] == 0 and stats["reviews_today"] == 1
    monkeypatch.setenv("MLPREP_ROLLOVER_HOUR", "9")  # 08:00 still belongs to yesterday
    code, output = invoke("stats", "--json")
    assert json.loads(output)["today"] == "2026-06-10"


def test_review_cap(deck: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLPREP_NOW", local("2026-06-10T20:00:00"))
    invoke("quiz", "demo", "--type", "basic", input="4\n4\n")  # two reviews in 8+ days
    invoke("config", "review-cap", "1")
    monkeypatch.setenv("MLPREP_NOW", local("2026-07-30T09:00:00"))
    code, output = invoke("stats", "--json")
    assert json.loads(output)["due_now"] == 2
    code, output = invoke("quiz", "demo", "--type", "basic", input="3\n")
    assert code == 0 and len(headers(output)) == 1
    assert "the daily review cap (1) is reached: 1 due reviews wait" in output
    assert "mlprep config review-cap N" in output
    _, output = invoke("quiz", "demo", "--type", "basic", input="3\n")
    assert "nothing to study right now: the daily review cap (1) is reached" in output


def test_undo_with_nothing_to_undo_keeps_the_card_as_shown(deck: Path) -> None:
    code, output = invoke("quiz", "demo", "--type", "mcq", "--seed", "4", input="u\nq\n")
    assert code == 0
    assert "nothing to undo yet: no answer in this session so far" in output
    first, second = re.findall(r"Scale factor\? (.*?) your choice", output)
    assert first == second  # the same choices in the same order


def test_tag_with_no_match(deck: Path) -> None:
    for extra in ([], ["--mode", "cram"]):
        code, output = invoke("quiz", "demo", "--tag", "nosuchtag", *extra)
        assert code == 2, output
        assert "no card has tag nosuchtag" in output and "Traceback" not in output
    code, output = invoke("quiz", "demo", "--tag", "nrom")
    assert "no card has tag nrom" in output and "did you mean norm?" in output
    code, output = invoke("quiz", "demo", "--tag", "norm", "--type", "mcq")
    assert code == 2 and "no card matches --tag norm and --type mcq" in output


def test_chinese_prompts_and_bilingual_cloze(deck: Path) -> None:
    code, output = invoke("quiz", "demo", "--type", "typed", "--lang", "zh", input="15%\n")
    assert code == 0
    assert "输入你的答案" in output and "撤销" in output and "正确" in output
    assert "type your answer" not in output and "undo" not in output
    code, output = invoke("quiz", "demo", "--type", "cloze", "--lang", "both", input="80%\n")
    assert code == 0
    assert "BERT uses" in output and "BERT 用" in output
    assert "✓ right" in output


def test_scripted_grade_words(deck: Path, home: Path) -> None:
    code, output = invoke(
        "quiz", "demo", "--type", "basic", "--seed", "1", input="good\nEasy\nagain\n"
    )
    assert code == 0, output
    assert "expected one of" not in output
    db = sqlite3.connect(home / "mlprep.db")
    assert [r for (r,) in db.execute("SELECT rating FROM reviews ORDER BY id")] == [3, 4, 1]
    code, output = invoke("quiz", "demo", "--type", "basic", "--mode", "cram", input="fine\n3\n")
    assert "expected one of '1234' or again/hard/good/easy" in output


def test_exam_right_answer_over_time_says_it_was_right() -> None:
    from mlprep.decks.loader import load_deck
    from mlprep.ui.exam_view import ExamView, show_report
    from mlprep.ui.keys import LineInput

    class Ticks:
        def __init__(self) -> None:
            self.now = 0.0

        def __call__(self) -> float:
            self.now += 20.0  # every look at the clock: 20 s later
            return self.now

    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.yaml"
        path.write_text(DECK, encoding="utf-8")
        cards = {c.id: c for c in load_deck(path).cards}
    screen = io.StringIO()
    view = ExamView(Console(file=screen, width=100), LineInput(io.StringIO("15%\n")), "en")
    report = view.run(
        [("demo-topic", cards["typed-1"])],
        minutes=0.5,
        now=lambda: datetime(2026, 6, 10, tzinfo=timezone.utc),
        monotonic=Ticks(),
    )
    (answer,) = report.answers
    assert answer.right and answer.timed_out and not answer.correct
    assert "⏱" in screen.getvalue() and "time for this question is up" in screen.getvalue()
    assert report.to_json()["right_but_over_time"] == ["demo/typed-1"]
    import contextlib

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        from mlprep.ui import console as console_module

        console_module.stdout_console.cache_clear()
        try:
            show_report(report, "en", as_json=False)
        finally:
            console_module.stdout_console.cache_clear()
    text = " ".join(out.getvalue().split())
    assert "right (15%), but over time: counted as wrong" in text
    assert "review them: mlprep quiz --mode cram demo" in text and "…" not in text


def test_stats_agree_with_themselves(
    deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere.yaml"  # a deck quizzed by path, not in the deck folder
    elsewhere.write_text(DECK.replace("id: demo", "id: side"), encoding="utf-8")
    monkeypatch.setenv("MLPREP_NOW", local("2026-06-10T20:00:00"))
    invoke("quiz", "demo", "--type", "basic", input="1\n1\n4\n4\n")  # two reviews due tomorrow
    invoke("quiz", str(elsewhere), "--type", "basic", "--limit", "1", input="1\n4\n")
    monkeypatch.setenv("MLPREP_NOW", local("2026-06-11T08:00:00"))
    code, output = invoke("stats", "--json")
    assert code == 0, output
    stats = json.loads(output)
    topics = stats["topics"]
    assert stats["due_now"] == 3 == stats["due_next_7_days"][0] == stats["forecast_30_days"][0]
    assert sum(t["due"] for t in topics.values()) == stats["due_now"]
    assert topics["side (not in your decks)"]["due"] == 1
    assert topics["demo-topic"]["due"] == 2
    code, output = invoke("stats")
    assert code == 0 and "due now 3" in output and "side (not in your decks)" in output


def test_exam_speaks_the_chosen_language(deck: Path) -> None:
    code, output = invoke("exam", "--count", "1", "--lang", "zh", "--seed", "1", input="1\n")
    assert code == 0, output
    assert "模拟面试" in output and "第 1/1 题" in output and "已记录答案" in output
    assert "mock interview" not in output and "answer recorded" not in output
