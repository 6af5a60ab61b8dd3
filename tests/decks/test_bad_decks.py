"""Every class of malformed deck is rejected with file:line:column, a fix, exit 2 and no traceback."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlprep.cli import app
from tests.conftest import DATA

BAD = sorted((DATA / "bad_decks").glob("*.yaml"))
runner = CliRunner()


def expectation(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: "), (
        f"{path.name} needs a '# expect: LINE:COL: message' first line"
    )
    return first.removeprefix("# expect: ")


def lint(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["deck", "lint", *args])
    return result.exit_code, result.output


def test_corpus_is_large_enough() -> None:
    assert len(BAD) >= 30


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_deck_rejected_with_location(home: Path, path: Path) -> None:
    started = time.perf_counter()
    code, output = lint(str(path))
    elapsed = time.perf_counter() - started
    assert code == 2, output
    assert f"{path}:{expectation(path)}" in " ".join(output.split()), output
    assert "Traceback" not in output
    assert elapsed < 1.0


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("binary.yaml", b"id: x\n\x00\x01\x02\xff", ":2:1: this is a binary file (NUL byte)"),
        (
            "latin1.yaml",
            "id: x\ntitle: caf\xe9\n".encode("latin-1"),
            ":2:11: file is not valid UTF-8 (byte 0xe9)",
        ),
        (
            "deep_flow.yaml",
            b"id: x\ntitle: " + b"[" * 100_000 + b"]" * 100_000,
            # the column is where the parser noticed: ours (39) or libyaml's own cap (1007,
            # PyYAML >= 6.0.3); mlprep guarantees the line and its own message
            ":2:*: nesting deeper than 32 levels",
        ),
        ("deep_block.yaml", b"- " * 100_000 + b"x\n", ":1:65: nesting deeper than 32 levels"),
        ("only_comments.yaml", b"# nothing here\n", ":1:1: empty file"),
    ],
)
def test_generated_bad_files(
    home: Path, tmp_path: Path, name: str, data: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    started = time.perf_counter()
    code, output = lint(str(path))
    assert time.perf_counter() - started < 1.0
    assert code == 2
    pattern = re.escape(f"{path}{expected}").replace(r"\*", r"\d+")
    assert re.search(pattern, " ".join(output.split())), output
    assert "Traceback" not in output


def test_huge_file_is_refused_before_parsing(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mlprep.decks import yamltree

    monkeypatch.setattr(yamltree, "MAX_BYTES", 1024)
    path = tmp_path / "huge.yaml"
    path.write_text("id: x\n" + "# padding\n" * 200)
    code, output = lint(str(path))
    assert code == 2
    assert "deck files are limited to" in output


def test_python_tag_never_runs(home: Path, tmp_path: Path) -> None:
    marker = Path("/tmp/mlprep-pwned")
    marker.unlink(missing_ok=True)
    code, _ = lint(str(DATA / "bad_decks" / "python_tag.yaml"))
    assert code == 2
    assert not marker.exists()


def test_duplicate_deck_id_across_files(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "two"
    folder.mkdir()
    body = "id: same\ntitle: T\ncards:\n  - {id: a, q: x, a: y}\n"
    (folder / "a.yaml").write_text(body)
    (folder / "b.yaml").write_text(body)
    code, output = lint(str(folder))
    assert code == 2
    assert (
        f"{folder / 'b.yaml'}:1:5: deck id 'same' is already used by {folder / 'a.yaml'}"
        in " ".join(output.split())
    )


def test_every_problem_in_a_file_is_reported(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(
        "id: many\ntitle: Many\ncards:\n"
        "  - {id: a, q: x}\n"
        "  - {id: b, type: mcq, q: x, choices: [1, 2], answer: 5}\n"
        "  - {id: c, type: cloze, text: no gap}\n"
    )
    code, output = lint(str(path))
    flat = " ".join(output.split())
    assert code == 2
    assert f"{path}:4:5: basic card 'a' has no `a`" in flat
    assert f"{path}:5:55: mcq answer 5 is out of range" in flat
    assert f"{path}:6:32: cloze text has no {{{{gap}}}}" in flat


def test_missing_path_is_a_usage_error(home: Path, tmp_path: Path) -> None:
    code, output = lint(str(tmp_path / "nope.yaml"))
    assert code == 2
    assert f"no such deck file or folder: {tmp_path / 'nope.yaml'}" in output


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_quiz_refuses_bad_deck_the_same_way(home: Path, path: Path) -> None:
    result = runner.invoke(app, ["quiz", str(path)], input="3\n")
    assert result.exit_code == 2
    assert f"{path}:{expectation(path)}" in " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert not home.exists() or not (home / "mlprep.db").exists()  # nothing written
