"""Generated cases come from the disk cache when the kata is unchanged, and only then."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mlprep.kata.case_cache import case_key
from mlprep.kata.catalogue import load_kata
from mlprep.kata.judge import check as check_module
from mlprep.kata.judge.check import Checker
from tests.kata.conftest import KATAS


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "katas"
    shutil.copytree(KATAS / "binary_search", root / "binary_search")
    return root


def test_cases_are_generated_once_per_kata_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _copy(tmp_path)
    cache = tmp_path / "cases"
    kata = load_kata(root / "binary_search")
    with Checker(root, [], case_cache=cache) as first:
        fresh = first.cases(kata, 3)
    assert len(list(cache.glob("*.json"))) == 1

    def no_oracle(*_: object) -> list[dict[str, object]]:
        raise AssertionError("the oracle ran although the cases were cached")

    monkeypatch.setattr(check_module, "oracle_messages", no_oracle)
    with Checker(root, [], case_cache=cache) as second:
        again = second.cases(kata, 3)
    assert [(c.name, c.inputs, c.tol) for c in again] == [(c.name, c.inputs, c.tol) for c in fresh]
    assert [repr(c.expected) for c in again] == [repr(c.expected) for c in fresh]
    # another seed, or any change to the kata's files, is another key: generated again
    before = case_key(kata, 3)
    assert case_key(kata, 4) != before
    (root / "binary_search" / "cases.py").write_text(
        (root / "binary_search" / "cases.py").read_text() + "\n# changed\n"
    )
    assert case_key(kata, 3) != before
    with Checker(root, [], case_cache=cache) as third, pytest.raises(AssertionError):
        third.cases(kata, 3)


def test_a_damaged_entry_is_generated_again(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    cache = tmp_path / "cases"
    kata = load_kata(root / "binary_search")
    with Checker(root, [], case_cache=cache) as checker:
        count = len(checker.cases(kata, 0))
    [entry] = cache.glob("*.json")
    entry.write_text('{"not": "a list"')
    with Checker(root, [], case_cache=cache) as checker:
        assert len(checker.cases(kata, 0)) == count
    assert entry.read_text().startswith("[")


def test_the_cache_is_out_of_reach_of_kata_code(tmp_path: Path) -> None:
    cache = tmp_path / "cases"
    with Checker(KATAS, [], case_cache=cache) as checker:
        assert cache in checker.hidden
