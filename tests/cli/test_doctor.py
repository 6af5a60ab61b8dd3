"""`mlprep doctor` says what is wrong and how to fix it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlprep.cli import app

runner = CliRunner()


def checks(*args: str) -> tuple[int, dict[str, dict[str, str]]]:
    result = runner.invoke(app, ["doctor", "--json", *args])
    return result.exit_code, {c["name"]: c for c in json.loads(result.output)}


def test_healthy_installation(home: Path) -> None:
    code, found = checks()
    assert code == 0
    assert found["python"]["status"] == "ok"
    assert found["torch"]["status"] in ("ok", "warn")
    assert found["store"]["detail"].endswith("not created yet (it is made on the first answer)")
    assert found["decks"]["status"] == "ok" and "all valid" in found["decks"]["detail"]


def test_corrupt_store_fails_with_a_fix(home: Path) -> None:
    home.mkdir(parents=True)
    (home / "mlprep.db").write_bytes(b"not sqlite" * 100)
    code, found = checks("--skip-torch")
    assert code == 1
    assert found["store"]["status"] == "fail"
    assert "cannot be read" in found["store"]["detail"]
    assert "move the file aside" in found["store"]["fix"]
    assert "torch" not in found
    assert (home / "mlprep.db").read_bytes() == b"not sqlite" * 100


def test_broken_user_deck_is_located(home: Path, tmp_path: Path) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "bad.yaml").write_text("id: bad\ntitle: B\ncards: []\n")
    code, found = checks("--skip-torch")
    assert code == 1
    assert f"{decks / 'bad.yaml'}:3:8: empty deck" in found["decks"]["detail"]
    assert found["decks"]["fix"] == "run `mlprep deck lint` and fix each located problem"


def test_workspace_that_is_a_file(home: Path, tmp_path: Path) -> None:
    (tmp_path / "workspace").write_text("oops")
    code, found = checks("--skip-torch")
    assert code == 1
    assert found["workspace"]["status"] == "fail"
    assert found["workspace"]["detail"] == f"{tmp_path / 'workspace'} is a file, not a folder"


def test_human_table(home: Path) -> None:
    result = runner.invoke(app, ["doctor", "--skip-torch"])
    assert result.exit_code == 0
    assert "mlprep doctor" in result.output and "python" in result.output


def test_sandbox_mode_and_landlock_abi(home: Path) -> None:
    from mlprep.kata.runner.isolation import namespaces_available
    from mlprep.kata.runner.landlock import abi_version

    _code, found = checks("--skip-torch")
    facts = found["sandbox"]["facts"]
    assert facts["landlock_abi"] == abi_version()
    assert facts["namespaces"] == namespaces_available()
    if abi_version() >= 1 and namespaces_available():
        assert facts["mode"] == "full" and found["sandbox"]["status"] == "ok"
        assert found["sandbox"]["detail"].startswith(f"full: Landlock ABI {abi_version()}")
    else:
        assert facts["mode"] == "limited" and found["sandbox"]["status"] == "warn"
        assert found["sandbox"]["detail"].startswith("sandbox: limited (")


def test_sandbox_turned_off_is_reported(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLPREP_SANDBOX", "limited")
    code, found = checks("--skip-torch")
    assert code == 0  # limited is a warning: katas still run
    assert found["sandbox"]["status"] == "warn"
    assert found["sandbox"]["detail"] == "sandbox: limited (turned off by MLPREP_SANDBOX=limited)"
    assert found["sandbox"]["facts"] == {
        "mode": "limited",
        "landlock_abi": 0,
        "namespaces": False,
        "setting": "limited",
    }
