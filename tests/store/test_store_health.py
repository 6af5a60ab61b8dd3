"""Store health before any work: every command that opens the store refuses a read-only or a
damaged store up front, with one clear message, exit 2, and never writes into it."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlprep import store as store_module
from mlprep.cli import app

runner = CliRunner()

DECK = """\
id: demo
title: Demo
topic: demo-topic
cards:
  - {id: typed-1, type: typed, q: BERT mask rate?, answer: ["15%"]}
  - {id: basic-1, q: What is LayerNorm?, a: Normalisation over features.}
"""

# Every command that opens the store, with what it needs to get that far.
COMMANDS = [
    ["quiz", "demo"],
    ["quiz", "demo", "--mode", "cram"],
    ["stats"],
    ["stats", "--json"],
    ["plan"],
    ["plan", "--date", "2099-01-01"],
    ["exam", "--count", "1"],
    ["deck", "list"],
    ["config"],
    ["config", "new-per-day", "5"],
    ["kata"],
    ["kata", "auc", "--file", "SOLUTION"],
]


@pytest.fixture
def world(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "decks").mkdir()
    (tmp_path / "decks" / "demo.yaml").write_text(DECK, encoding="utf-8")
    (tmp_path / "solution.py").write_text("def auc(y, s):\n    return 0.5\n", encoding="utf-8")
    if os.geteuid() == 0:  # root writes anything: judge by the permission bits, as a user would
        monkeypatch.setattr(
            store_module, "_writable", lambda path: bool(path.stat().st_mode & stat.S_IWUSR)
        )
    result = runner.invoke(app, ["quiz", "demo", "--type", "typed"], input="15%\n")
    assert result.exit_code == 0, result.output
    return home / "mlprep.db"


def run(args: list[str], tmp_path: Path) -> tuple[int, str]:
    args = [str(tmp_path / "solution.py") if a == "SOLUTION" else a for a in args]
    result = runner.invoke(app, args, input="15%\n")
    return result.exit_code, " ".join(result.output.split())


def side_files(store: Path) -> list[Path]:
    return [p for p in (store.with_name(store.name + s) for s in ("-wal", "-shm")) if p.exists()]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_read_only_store_is_refused_up_front(world: Path, tmp_path: Path, args: list[str]) -> None:
    before = world.read_bytes()
    world.chmod(0o444)
    try:
        code, output = run(args, tmp_path)
    finally:
        world.chmod(0o644)
    assert code == 2, output
    assert f"the progress store {world} is read-only" in output
    assert f"chmod u+w {world}" in output
    assert "question 1/" not in output and "15%" not in output  # nothing asked first
    assert "Traceback" not in output
    assert world.read_bytes() == before
    assert side_files(world) == []  # no read-only -wal/-shm left behind


def test_stale_read_only_side_files_are_made_writable_again(world: Path, tmp_path: Path) -> None:
    """What SQLite leaves after a run on a read-only store: side files with the store's mode."""
    world.chmod(0o444)
    shm = world.with_name(world.name + "-shm")
    shm.write_bytes(b"")
    shm.chmod(0o444)
    code, output = run(["stats"], tmp_path)
    assert code == 2 and "is read-only" in output
    world.chmod(0o644)  # what the hint says to do
    code, output = run(["quiz", "demo", "--mode", "cram", "--type", "typed"], tmp_path)
    assert code == 0, output
    assert not shm.exists() or shm.stat().st_mode & stat.S_IWUSR


def test_read_only_folder_is_refused(world: Path, tmp_path: Path) -> None:
    world.parent.chmod(0o555)
    try:
        code, output = run(["quiz", "demo"], tmp_path)
    finally:
        world.parent.chmod(0o755)
    assert code == 2 and f"{world.parent} is not writable" in output


def damage(store: Path) -> bytes:
    """Overwrite one page in the middle of an otherwise valid store."""
    db = sqlite3.connect(store)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(store.read_bytes())
    page = 4096
    assert len(data) >= 4 * page
    data[2 * page : 3 * page] = b"\x07" * page
    store.write_bytes(bytes(data))
    return bytes(data)


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_damaged_store_is_refused_and_untouched(
    world: Path, tmp_path: Path, args: list[str]
) -> None:
    before = damage(world)
    code, output = run(args, tmp_path)
    assert code == 2, output
    assert f"the progress store {world} cannot be read" in output
    assert "it was left untouched" in output and "move the file aside" in output
    assert "question 1/" not in output
    assert "Traceback" not in output
    assert world.read_bytes() == before


def test_exam_report_kept_when_the_store_fails_at_the_end(
    world: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mlprep.errors import StoreError
    from mlprep.quiz import exam as exam_module

    def broken(*_: object) -> int:
        raise StoreError("the progress store broke (disk full); nothing was changed.")

    monkeypatch.setattr(exam_module, "save_report", broken)
    code, output = run(["exam", "--count", "1", "--topic", "demo-topic"], tmp_path)
    assert code == 2, output
    assert "score" in output  # the report was shown
    kept = list((world.parent).glob("exam-*.json"))
    assert len(kept) == 1 and f"the report was saved to {kept[0]} instead" in output


def test_kata_attempt_kept_when_the_store_refuses_it(world: Path) -> None:
    from mlprep.kata.model import Verdict
    from mlprep.kata.progress import UNSAVED_FILE, record_attempt
    from mlprep.paths import resolve_paths

    paths = resolve_paths()
    world.chmod(0o444)
    try:
        verdict = Verdict(kata="auc", file=world, seed=1, cases=())
        side = record_attempt(paths, verdict)
    finally:
        world.chmod(0o644)
    assert side == paths.home / UNSAVED_FILE
    assert '"kata": "auc"' in side.read_text(encoding="utf-8")


def test_a_store_left_sound_is_not_read_whole_again(home: Path, tmp_path: Path) -> None:
    from mlprep.store import SOUND_SUFFIX, _known_sound, open_store

    path = home / "mlprep.db"
    with open_store(path) as store:
        store.set_setting("probe", "1")
    assert _known_sound(path)  # the next open skips PRAGMA quick_check
    assert (path.parent / (path.name + SOUND_SUFFIX)).is_file()
    with pytest.raises(RuntimeError), open_store(path) as store:  # a session that fails
        store.set_setting("probe", "2")
        raise RuntimeError("crash")
    assert not _known_sound(path)  # ... leaves it to be checked again
    with open_store(path):
        pass
    assert _known_sound(path)
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1))  # anyone else's change
    assert not _known_sound(path)
    before = damage(path)  # and damage after a clean session is still found
    code, output = run(["stats"], tmp_path)
    assert code == 2 and f"the progress store {path} cannot be read" in output
    assert path.read_bytes() == before
