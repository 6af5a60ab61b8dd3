"""The real `mlprep` in a pseudo-terminal (pexpect) and as killed/concurrent processes."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pexpect
import pytest

from tests.conftest import MLPREP_CMD, cli_env

pytestmark = pytest.mark.slow

DECK = (
    """\
id: e2e
title: {en: End to end, zh: 端到端}
topic: e2e
cards:
"""
    + "".join(
        f"""  - id: card-{i}
    type: basic
    q: {{en: "Question {i}?", zh: "问题 {i}？"}}
    a: {{en: "Answer {i}.", zh: "答案 {i}。"}}
"""
        for i in range(40)
    )
    + """  - id: typed-cjk
    type: typed
    q: {en: "Normalisation over features, in Chinese?", zh: "按特征归一化叫什么？"}
    answer: ["层归一化", "LayerNorm"]
  - id: mcq-one
    type: mcq
    q: {en: "Which scaling does attention use?", zh: "注意力用哪种缩放？"}
    choices: ["1/sqrt(d_k)", "1/d_k", "sqrt(d_k)"]
    answer: 0
  - id: cloze-one
    type: cloze
    text: {en: "BERT masks {{15%}} of tokens.", zh: "BERT 掩盖 {{15%}} 的 token。"}
"""
)


@pytest.fixture
def world(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "e2e.yaml").write_text(DECK, encoding="utf-8")
    return tmp_path, cli_env(tmp_path)


def deck_path(tmp_path: Path) -> str:
    return str(tmp_path / "decks" / "e2e.yaml")


def count_reviews(tmp_path: Path) -> int:
    path = tmp_path / "home" / "mlprep.db"
    if not path.exists():
        return 0
    db = sqlite3.connect(path, timeout=30)
    try:
        return int(db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0])
    except (
        sqlite3.OperationalError
    ) as error:  # the quiz has created the file but not the schema yet
        assert "no such table" in str(error)
        return 0
    finally:
        db.close()


def styled(text: str) -> str:
    """A regex for `text` as Rich prints it on a terminal: style codes may sit between characters."""
    import re

    return "(?:\\x1b\\[[0-9;]*m)*".join(re.escape(char) for char in text)


def spawn(
    env: dict[str, str], *args: str, columns: int = 80, preexec_fn: Any = None
) -> pexpect.spawn:
    child = pexpect.spawn(
        MLPREP_CMD[0],
        [*MLPREP_CMD[1:], *args],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(30, columns),
        preexec_fn=preexec_fn,
    )
    return child


def test_quiz_in_a_real_terminal(world: tuple[Path, dict[str, str]]) -> None:
    tmp_path, env = world
    child = spawn(env, "quiz", deck_path(tmp_path), "--new", "3", columns=80)
    try:
        for number in range(3):
            child.expect(f"Question {number}\\?")
            child.expect(styled("Enter to show the answer"))
            child.send("\r")  # Enter reveals
            child.expect(f"Answer {number}\\.")
            child.expect(styled("4 easy"))
            child.send("4" if number else "3")  # a single key grades, no Enter
        child.setwinsize(40, 100)  # a resize mid-session changes nothing
        child.expect("Question 0\\?")  # the learning card comes back this session
        child.send("q")
        child.expect(styled("answered 3"))
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    assert "Traceback" not in (child.before or "")
    assert count_reviews(tmp_path) == 3
    result = subprocess.run(
        [*MLPREP_CMD, "stats", "--json"], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout)["reviews_total"] == 3


def test_cjk_typed_answer_and_undo_in_terminal(world: tuple[Path, dict[str, str]]) -> None:
    tmp_path, env = world
    child = spawn(env, "quiz", deck_path(tmp_path), "--type", "typed", "--lang", "zh")
    try:
        child.expect("按特征归一化叫什么")
        child.expect(styled("输入你的答案"))
        child.sendline("层归一化")
        child.expect("正确")  # --lang zh: the prompts speak Chinese too
        child.expect("回车")
        child.send("\r")  # accept the suggested grade
        child.expect("按特征归一化叫什么")  # learning card again
        child.expect(styled("输入你的答案"))
        child.sendline("u")
        child.expect(styled("已撤销对"))
        child.expect("按特征归一化叫什么")
        child.expect(styled("输入你的答案"))
        child.sendcontrol("c")  # Ctrl-C at a text prompt quits cleanly
        child.expect(styled("作答 0"))
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert "Traceback" not in (child.before or "")
    assert count_reviews(tmp_path) == 0


def test_ctrl_c_quits_even_when_started_with_sigint_ignored(
    world: tuple[Path, dict[str, str]],
) -> None:
    """A background job of a non-interactive shell starts with SIGINT ignored; Python keeps
    that, so without care Ctrl-C would do nothing at the prompts."""
    tmp_path, env = world

    def ignore_sigint() -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)

    child = spawn(env, "quiz", deck_path(tmp_path), "--new", "1", preexec_fn=ignore_sigint)
    try:
        child.expect(styled("Enter to show the answer"))
        child.sendcontrol("c")
        child.expect(styled("answered 0"))
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0


def test_ctrl_c_at_a_key_prompt(world: tuple[Path, dict[str, str]]) -> None:
    tmp_path, env = world
    child = spawn(env, "quiz", deck_path(tmp_path), "--new", "2")
    try:
        child.expect(styled("Enter to show the answer"))
        child.send("\r")
        child.expect(styled("4 easy"))
        child.send("3")
        child.expect(styled("Enter to show the answer"))
        child.sendcontrol("c")
        child.expect(styled("answered 1"))
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    assert count_reviews(tmp_path) == 1


def test_kill_9_loses_at_most_the_answer_in_flight(world: tuple[Path, dict[str, str]]) -> None:
    tmp_path, env = world
    for round_number in range(5):
        before = count_reviews(tmp_path)
        process = subprocess.Popen(
            [*MLPREP_CMD, "quiz", deck_path(tmp_path), "--new", "40", "--mode", "review"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stdin is not None
        sent = 0
        target = 3 + round_number
        deadline = time.monotonic() + 90
        while count_reviews(tmp_path) - before < target and time.monotonic() < deadline:
            process.stdin.write("3\n")
            process.stdin.flush()
            sent += 1
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        stored = count_reviews(tmp_path) - before
        assert (
            target <= stored <= sent
        )  # every acknowledged answer is there; at most the in-flight one missing
        db = sqlite3.connect(tmp_path / "home" / "mlprep.db")
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # every logged answer has its card state: log and schedule were committed together
        orphan = db.execute(
            "SELECT COUNT(*) FROM reviews r LEFT JOIN card_states s USING (deck_id, card_id)"
            " WHERE s.card_id IS NULL AND r.mode = 'review'"
        ).fetchone()[0]
        assert orphan == 0
        db.close()


def test_concurrent_sessions_and_stats_keep_every_answer(
    world: tuple[Path, dict[str, str]],
) -> None:
    tmp_path, env = world
    answers = 25
    script = "3\n" * answers
    processes = [
        subprocess.Popen(
            [
                *MLPREP_CMD,
                "quiz",
                deck_path(tmp_path),
                "--new",
                "40",
                "--limit",
                str(answers),
                "--mode",
                mode,
            ],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for mode in ("review", "review", "cram")
    ]
    stats_runs = [
        subprocess.Popen(
            [*MLPREP_CMD, "stats", "--json"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    for process in processes:
        _, err = process.communicate(script, timeout=120)
        assert process.returncode == 0, err
    for run in stats_runs:
        out, err = run.communicate(timeout=60)
        assert run.returncode == 0, err
        json.loads(out)
    assert count_reviews(tmp_path) == 3 * answers
    result = subprocess.run(
        [*MLPREP_CMD, "stats", "--json"], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout)["reviews_total"] == 3 * answers


def test_python_dash_m_and_console_script_agree(world: tuple[Path, dict[str, str]]) -> None:
    _, env = world
    module = subprocess.run(
        [sys.executable, "-m", "mlprep", "--version"], env=env, capture_output=True, text=True
    )
    script = Path(sys.executable).with_name("mlprep")
    assert module.returncode == 0 and module.stdout.startswith("mlprep ")
    if script.exists():
        console = subprocess.run(
            [str(script), "--version"], env=env, capture_output=True, text=True
        )
        assert console.stdout == module.stdout


@pytest.mark.parametrize(
    ("card_type", "prompt"),
    [
        ("basic", "Enter to show the answer"),
        ("mcq", "your choice"),
        ("typed", "type your answer"),
        ("cloze", "gap 1/1"),
    ],
)
def test_ctrl_c_at_every_kind_of_prompt(
    world: tuple[Path, dict[str, str]], card_type: str, prompt: str
) -> None:
    tmp_path, env = world
    child = spawn(env, "quiz", deck_path(tmp_path), "--type", card_type, "--limit", "1")
    try:
        child.expect(styled(prompt))
        child.sendcontrol("c")
        child.expect(styled("answered 0"))
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    assert "Traceback" not in (child.before or "")
    assert count_reviews(tmp_path) == 0


def test_wrong_answer_overrule_in_80_columns(world: tuple[Path, dict[str, str]]) -> None:
    tmp_path, env = world
    child = spawn(env, "quiz", deck_path(tmp_path), "--type", "typed", "--limit", "1", columns=80)
    try:
        child.expect(styled("type your answer"))
        child.sendline("batch norm")
        child.expect(styled("wrong"))
        child.expect(styled("I was right"))
        child.send("o")  # the user overrules the verdict with one key
        child.expect(styled("recorded as good: you said you were right"))  # and is told so
        child.expect(styled("type your answer"))  # the learning card comes back this session
        child.sendcontrol("c")
        child.expect(styled("answered 1"))
        child.expect(pexpect.EOF)
    finally:
        child.close()
    db = sqlite3.connect(tmp_path / "home" / "mlprep.db")
    assert db.execute("SELECT rating, correct FROM reviews").fetchall() == [(3, 1)]


def test_kill_9_at_random_points_never_corrupts(world: tuple[Path, dict[str, str]]) -> None:
    import random

    tmp_path, env = world
    rng = random.Random(1234)
    sent_total = 0
    for _ in range(20):
        process = subprocess.Popen(
            [*MLPREP_CMD, "quiz", deck_path(tmp_path), "--new", "40", "--type", "basic"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert process.stdin is not None
        deadline = time.monotonic() + rng.uniform(0.2, 1.2)
        while time.monotonic() < deadline:
            try:
                process.stdin.write(rng.choice("1234") + "\n")
                process.stdin.flush()
            except BrokenPipeError:
                break
            sent_total += 1
            time.sleep(rng.uniform(0, 0.02))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        db = (
            sqlite3.connect(tmp_path / "home" / "mlprep.db", timeout=30)
            if (tmp_path / "home" / "mlprep.db").exists()
            else None
        )
        if db is None:
            continue
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert (
            db.execute(
                "SELECT COUNT(*) FROM reviews r LEFT JOIN card_states s USING (deck_id, card_id) WHERE s.card_id IS NULL"
            ).fetchone()[0]
            == 0
        )
        db.close()
    assert 0 < count_reviews(tmp_path) <= sent_total
    # the store still works for a normal session afterwards
    result = subprocess.run(
        [*MLPREP_CMD, "stats", "--json"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["reviews_total"] == count_reviews(tmp_path)


KEY_POINT_DECK = """\
id: kp-e2e
title: {en: Key points, zh: 要点}
topic: kp
cards:
  - id: why-scale
    q: {en: Why divide attention scores by sqrt(d_k)?, zh: 为什么除以根号 d_k？}
    a: {en: Dot products grow with d_k and saturate the softmax., zh: 点积随 d_k 增大，使 softmax 饱和。}
    key_points:
      - {en: [dot products grow with d_k], zh: [点积随 d_k 增大]}
      - {en: [softmax saturates], zh: [softmax 饱和]}
"""


def test_free_answer_with_key_points_in_terminal(world: tuple[Path, dict[str, str]]) -> None:
    tmp_path, env = world
    deck = tmp_path / "decks" / "kp.yaml"
    deck.write_text(KEY_POINT_DECK, encoding="utf-8")
    child = spawn(env, "quiz", str(deck), "--lang", "zh")
    try:
        child.expect(styled("输入你的答案"))
        child.sendline("点积随 d_k 增大，所以 softmax 饱和")
        child.expect(styled("覆盖 2/2 个要点 · 建议：良好"))
        child.expect(styled("回车 = 良好"))
        child.send("\r")  # confirm the suggested grade
        child.expect(styled("输入你的答案"))  # learning card again this session
        child.sendcontrol("c")
        child.expect(styled("作答 1"))
        child.expect(pexpect.EOF)
    finally:
        child.close()
    db = sqlite3.connect(tmp_path / "home" / "mlprep.db")
    assert db.execute("SELECT rating, correct FROM reviews").fetchall() == [(3, 1)]


def test_exam_in_terminal(world: tuple[Path, dict[str, str]]) -> None:
    tmp_path, env = world
    child = spawn(
        env, "exam", "--topic", "e2e", "--count", "2", "--minutes", "5", "--seed", "3", columns=80
    )
    try:
        for _ in range(2):
            child.expect(r"question \d/2")
            child.expect(styled("(s skip  q end the exam)"))
            child.sendline("1")
            index = child.expect(
                [styled("answer recorded"), styled("gap 2/"), r"type choice numbers"]
            )
            while index != 0:
                child.sendline("1")
                index = child.expect(
                    [styled("answer recorded"), styled("gap 2/"), r"type choice numbers"]
                )
        child.expect(styled("score"))
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    assert "Traceback" not in (child.before or "")
    db = sqlite3.connect(tmp_path / "home" / "mlprep.db")
    assert db.execute("SELECT COUNT(*) FROM exams").fetchone()[0] == 1
    assert db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 0


@pytest.mark.parametrize(
    "args", [["stats"], ["plan", "--date", "2099-01-01"], ["kata"], ["doctor", "--skip-torch"]]
)
def test_screens_render_in_80_columns(world: tuple[Path, dict[str, str]], args: list[str]) -> None:
    _, env = world
    child = spawn(env, *args, columns=80)
    try:
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0, child.before
    assert "Traceback" not in (child.before or "")


def small_decks(tmp_path: Path, count: int) -> None:
    for number in range(count):
        (tmp_path / "decks" / f"topic{number}.yaml").write_text(
            f"id: topic{number}\ntitle: Topic {number}\ncards:\n"
            + "".join(
                f"  - {{id: c{i}, q: 'T{number} question {i}?', a: 'T{number} answer {i}.'}}\n"
                for i in range(3)
            ),
            encoding="utf-8",
        )


def test_first_day_in_terminal(world: tuple[Path, dict[str, str]]) -> None:
    """Day one mixes the decks; undo with nothing says so; the counter reaches 0; the limit names --new."""
    import re

    tmp_path, env = world
    small_decks(tmp_path, 5)
    paths = [deck_path(tmp_path), *(str(tmp_path / "decks" / f"topic{n}.yaml") for n in range(5))]
    child = spawn(env, "quiz", *paths, "--new", "6", "--seed", "2", "--type", "basic")
    decks = []
    try:
        for left in range(6, 0, -1):
            child.expect(r"─ (\S+) · \S+ · basic · (?:\x1b\[[0-9;]*m)*" + f"{left} left")
            decks.append(re.sub(r"\x1b\[[0-9;]*m", "", child.match.group(1)))
            child.expect(styled("Enter to show the answer"))
            if left == 6:
                child.send("u")
                child.expect(styled("nothing to undo yet"))
                child.expect(styled("Enter to show the answer"))
            child.send("\r")
            child.expect(styled("4 easy"))
            child.send("4")  # easy: done for today, the counter goes down
        child.expect(styled("left 0"))
        child.expect(styled("the new-card limit of this session (--new 6) is reached"))
        child.expect(styled("mlprep quiz --new N"))
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    assert len(set(decks)) >= 5, decks


def test_next_morning_in_terminal(world: tuple[Path, dict[str, str]]) -> None:
    """Answered at 20:00 with a one-day interval, a card is due at the next morning's session."""
    from datetime import datetime

    tmp_path, env = world
    evening = datetime(2026, 6, 10, 20, 0).astimezone().isoformat()
    morning = datetime(2026, 6, 11, 8, 0).astimezone().isoformat()
    child = spawn({**env, "MLPREP_NOW": evening}, "quiz", deck_path(tmp_path), "--limit", "1")
    try:
        for grade in "14":  # again (comes back in a minute), then easy: one day
            child.expect("Question 0\\?")
            child.expect(styled("Enter to show the answer"))
            child.send("\r")
            child.expect(styled("4 easy"))
            child.send(grade)
        child.expect(styled("answered 2"))
        child.expect(pexpect.EOF)
    finally:
        child.close()
    child = spawn({**env, "MLPREP_NOW": morning}, "quiz", deck_path(tmp_path), "--new", "0")
    try:
        child.expect("Question 0\\?")  # due at 20:00, shown at 08:00: the study day has begun
        child.expect(styled("Enter to show the answer"))
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0


def test_ascii_only_terminal_degrades(world: tuple[Path, dict[str, str]]) -> None:
    """LC_ALL=C with PYTHONUTF8=0: ASCII stand-ins and '?' instead of UnicodeEncodeError."""
    tmp_path, env = world
    ascii_env = {k: v for k, v in env.items() if k != "PYTHONIOENCODING"}
    ascii_env.update(LC_ALL="C", LANG="C", PYTHONUTF8="0")
    child = spawn(ascii_env, "quiz", deck_path(tmp_path), "--type", "typed", "--lang", "both")
    try:
        child.expect(r"\?\?\?\?")  # the Chinese question, as question marks
        child.expect("type your answer")
        child.sendline("层归一化")  # UTF-8 from the terminal, whatever the locale says
        child.expect("v right")  # the check mark's ASCII stand-in
        child.send("q")
        child.expect(styled("answered 0 - correct 0"))
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0 and "Traceback" not in (child.before or "")
    runs = [
        ({"LC_ALL": "C", "PYTHONUTF8": "0"}, ["stats"]),
        (
            {"PYTHONIOENCODING": "ascii"},
            ["quiz", deck_path(tmp_path), "--lang", "zh", "--limit", "1"],
        ),
    ]
    for extra, args in runs:
        run_env = {k: v for k, v in env.items() if k != "PYTHONIOENCODING"}
        run_env.update(extra)
        result = subprocess.run(
            [*MLPREP_CMD, *args],
            env=run_env,
            input="3\n",
            capture_output=True,
            text=True,
            errors="replace",
            timeout=60,
        )
        assert result.returncode == 0, (extra, args, result.stderr)
        assert "Traceback" not in result.stderr and result.stdout.isascii()


def test_problems_are_explained_in_a_terminal(world: tuple[Path, dict[str, str]]) -> None:
    """--tag with no match, user decks that collide or break, a damaged store: one clear line each."""
    import re

    tmp_path, env = world
    decks = tmp_path / "decks"
    (decks / "mine.yaml").write_text(
        "id: transformer\ntitle: Mine\ncards:\n  - {id: x, q: y, a: z}\n"
    )
    (decks / "broken.yaml").write_text("id: broken\ntitle: B\ncards:\n  - {id: x, q: y}\n")

    def screen(*args: str) -> tuple[int, str]:
        child = spawn(env, *args, columns=200)
        try:
            child.expect(pexpect.EOF)
        finally:
            child.close()
        return child.exitstatus, re.sub(r"\x1b\[[0-9;]*m", "", child.before or "")

    code, text = screen("quiz", deck_path(tmp_path), "--tag", "nosuchtag")
    assert code == 2 and "no card has tag nosuchtag" in text
    code, text = screen("deck", "list")
    assert code == 0 and "skipped 2 broken deck files" in text
    assert "mine.yaml:1:5: deck id 'transformer' is the id of a shipped deck" in text
    assert "broken.yaml:4:5: basic card 'x' has no `a`" in text and "e2e" in text
    store = tmp_path / "home" / "mlprep.db"
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_bytes(b"SQLite format 3\x00" + b"\x07" * 8000)
    code, text = screen("quiz", deck_path(tmp_path))
    assert code == 2 and f"the progress store {store} cannot be read" in text
    assert "Traceback" not in text


def test_bilingual_cloze_in_terminal(world: tuple[Path, dict[str, str]]) -> None:
    tmp_path, env = world
    child = spawn(env, "quiz", deck_path(tmp_path), "--type", "cloze", "--lang", "both")
    try:
        child.expect("BERT 掩盖")  # both sentences, each with the gap marked
        child.expect("BERT masks")
        child.expect(styled("gap 1/1"))
        child.sendline("15%")
        child.expect(styled("right"))
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
