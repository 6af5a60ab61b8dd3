"""Every screen in a real 60- and 100-column terminal: nothing cut, no word split by the terminal.

The terminal itself never has to wrap (every line fits the width), no `…` appears,
and the names, ids and paths the user types or copies appear whole on one line.
"""

from __future__ import annotations

import io
import re
import shlex
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pexpect
import pytest
from rich.cells import cell_len

from tests.conftest import MLPREP_CMD, REPO, cli_env

pytestmark = pytest.mark.slow

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
WIDTHS = (60, 100)
LONG = (
    "Which statement about scaled dot-product attention with a causal mask and "
    "key padding is right when the keys are contrastive embeddings?"
)
DECK = f"""\
id: screens
title: {{en: Screens, zh: 屏幕}}
topic: screens-topic
cards:
  - id: basic-long
    type: basic
    q: {{en: "{LONG}", zh: "注意力为什么要除以根号 d_k？"}}
    a: {{en: "Because dot products grow with the key dimension and the softmax saturates.", zh: "点积随维度增大。"}}
  - id: mcq-long
    type: mcq
    q: {{en: "Pick one.", zh: "选一个。"}}
    choices:
      - "The softmax runs over the keys, so each query's weights over the keys sum to one exactly"
      - "The softmax runs over the queries, so each key's weights over the queries sum to one"
    answer: 0
  - id: typed-long
    type: typed
    q: {{en: "Cost of a linear scan?", zh: "线性扫描的复杂度？"}}
    answer: ["O(n)", "linear", "线性"]
  - id: cloze-long
    type: cloze
    text: {{en: "BERT masks {{{{15%}}}} of the input tokens during pre-training.", zh: "BERT 掩盖 {{{{15%}}}} 的 token。"}}
"""


@pytest.fixture(scope="module")
def world() -> Iterator[tuple[Path, dict[str, str]]]:
    """A short base path, so the paths doctor shows fit in 60 columns whole."""
    base = Path(tempfile.mkdtemp(prefix="s", dir="/tmp"))
    (base / "decks").mkdir()
    (base / "decks" / "screens.yaml").write_text(DECK, encoding="utf-8")
    (base / "workspace").mkdir()
    env = cli_env(base, MLPREP_LANG="en")
    env.pop("COLUMNS")  # the terminal's own size decides
    yield base, env
    shutil.rmtree(base, ignore_errors=True)


def screen(raw: str) -> list[str]:
    """The lines as they stay on screen: a carriage return (a spinner's redraw) starts over."""
    return [ANSI.sub("", line.rstrip("\r")).split("\r")[-1] for line in raw.split("\n")]


def assert_fits(lines: list[str], width: int, must_appear: list[str]) -> None:
    text = "\n".join(lines)
    assert "…" not in text, text
    too_wide = [line for line in lines if cell_len(line) > width]
    assert not too_wide, too_wide  # the terminal would have to break these
    for token in must_appear:
        assert any(token in line for line in lines), (token, text)


def run_screens(env: dict[str, str], width: int, commands: list[str]) -> dict[str, list[str]]:
    """Run each command in one shell inside a terminal of `width` columns; output per command."""
    mlprep = " ".join(shlex.quote(part) for part in MLPREP_CMD)
    script = "; ".join(
        f"echo '@@@ {c}'; {mlprep} {c}" + ("" if "<" in c else " < /dev/null") for c in commands
    )
    child = pexpect.spawn(
        "bash", ["-c", script], env=env, encoding="utf-8", timeout=180, dimensions=(50, width)
    )
    child.expect(pexpect.EOF)
    out: dict[str, list[str]] = {}
    current = None
    for line in screen(child.before or ""):
        if line.startswith("@@@ "):
            current = line[4:]
            out[current] = []
        elif current is not None:
            out[current].append(line)
    return out


@pytest.mark.parametrize("width", WIDTHS)
def test_read_screens_fit(world: tuple[Path, dict[str, str]], width: int) -> None:
    base, env = world
    mutant = base / "mine.py"  # a classic mistake, as a user's file (numpy only: a quick check)
    shutil.copyfile(REPO / "katas" / "logistic_regression" / "mutants" / "sum_not_mean.py", mutant)
    later = (date.today() + timedelta(days=30)).isoformat()
    commands = {
        "kata": ["attention", "balanced_tree", "softmax_cross_entropy", "positional_encoding"],
        f"kata logistic_regression --file {mutant}": ["✗ typical[", "abs error", "--seed 0"],
        "kata infonce --hint": ["(infonce)"],
        "stats": ["screens-topic", "readiness", "reviews due, next 30 days"],
        f"plan --date {later}": ["screens-topic", "30 days left"],
        "doctor": [str(base / "home" / "mlprep.db"), str(base / "workspace"), "sandbox"],
        "deck list": ["distributed-training", "computer-basics-more", "screens"],
    }
    shown = run_screens(env, width, list(commands))
    for command, tokens in commands.items():
        assert command in shown, shown.keys()
        assert_fits(shown[command], width, tokens)
    # the replay line names the file whole (the path is shorter than the line)
    assert any(str(mutant) in line for line in shown[f"kata logistic_regression --file {mutant}"])


@pytest.mark.parametrize("width", WIDTHS)
def test_quiz_and_exam_screens_fit(world: tuple[Path, dict[str, str]], width: int) -> None:
    base, shared = world
    env = {**shared, "MLPREP_HOME": str(base / f"quiz-{width}")}  # every card new at each width
    deck = str(base / "decks" / "screens.yaml")
    child = pexpect.spawn(
        MLPREP_CMD[0],
        [*MLPREP_CMD[1:], "quiz", deck, "--order", "deck", "--seed", "1", "--new", "4"],
        env=env, encoding="utf-8", timeout=30, dimensions=(50, width),
    )  # fmt: skip
    transcript = io.StringIO()
    child.logfile_read = transcript
    quit = "q(?:\x1b\\[[0-9;]*m)* quit"  # every prompt ends with its legend

    def answer(keys: str) -> None:
        child.expect(quit)
        child.send(keys)

    answer("\r")  # reveal the basic card
    for reply in ("4", "1\r", "4", "quadratic\r", "4", "15%\r", "4"):
        answer(reply)  # grade (easy: no card comes back today), then the next card's answer
    child.expect(pexpect.EOF)
    lines = screen(transcript.getvalue())
    legend = ["1 again", "4 easy", "u undo", "s skip", "q quit"]
    assert_fits(lines, width, ["basic-long", "accepted: O(n) | linear", *legend])
    # a choice that wraps continues under its own text, not at column 0
    first = next(i for i, line in enumerate(lines) if "The softmax runs over the queries" in line)
    if width == 60:
        assert lines[first + 1].startswith(" " * 5) and lines[first + 1].strip(), lines[first:]

    wrong = base / "wrong-answers.txt"
    wrong.write_text("1\nquadratic\n50%\n")  # every answer wrong: the report lists them all
    exam = run_screens(env, width, [f"exam --topic screens-topic --count 3 --seed 2 < {wrong}"])
    report = next(iter(exam.values()))
    assert_fits(report, width, ["by topic", "screens-topic", "score 0/3", "screens/mcq-long"])
