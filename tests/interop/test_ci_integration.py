"""The pre-commit hooks (run by pre-commit itself) and the composite GitHub Action's steps, run here."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO, cli_env

BIN = Path(sys.executable).parent
GOOD_DECK = "id: mine\ntitle: Mine\ncards:\n  - {id: a, q: Q, a: A}\n"
MANUAL = ("--all-files", "--hook-stage", "manual")
BAD_DECK = "id: broken\ntitle: Broken\ncards:\n  - {id: a, q: Q, answr: A}\n"


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, timeout=60)


def git_env(tmp_path: Path) -> dict[str, str]:
    return cli_env(
        tmp_path,
        PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-cache"),
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
        GIT_CONFIG_GLOBAL=str(tmp_path / "gitconfig"),
        GIT_CONFIG_NOSYSTEM="1",
    )


@pytest.fixture
def hook_repo(tmp_path: Path) -> Path:
    """A git repository holding this project's hook definitions (all `language: system`)."""
    folder = tmp_path / "hooks"
    folder.mkdir()
    shutil.copy(REPO / ".pre-commit-hooks.yaml", folder)
    env = git_env(tmp_path)
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "hooks"]):
        subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)
    return folder


def test_hook_definitions() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"mlprep-deck-lint", "mlprep-check"}
    assert hooks["mlprep-deck-lint"]["entry"] == "mlprep deck lint"
    assert hooks["mlprep-check"]["entry"] == "mlprep check --workspace ."
    assert hooks["mlprep-check"]["pass_filenames"] is False
    assert all(h["language"] == "system" for h in hooks.values())


@pytest.mark.skipif(shutil.which("pre-commit", path=str(BIN)) is None, reason="pre-commit missing")
def test_pre_commit_runs_the_deck_lint_hook(tmp_path: Path, hook_repo: Path) -> None:
    workspace = tmp_path / "member"
    (workspace / "decks").mkdir(parents=True)
    (workspace / "decks" / "mine.yaml").write_text(GOOD_DECK, "utf-8")
    (workspace / ".pre-commit-config.yaml").write_text("repos: []\n", "utf-8")
    env = git_env(tmp_path)
    for args in (["init", "-q"], ["add", "."]):
        subprocess.run(["git", *args], cwd=workspace, env=env, check=True, capture_output=True)
    command = [str(BIN / "pre-commit"), "try-repo", str(hook_repo), "mlprep-deck-lint"]
    passed = subprocess.run(
        [*command, "--all-files"],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"mlprep deck lint\.+Passed", passed.stdout)
    (workspace / "decks" / "broken.yaml").write_text(BAD_DECK, "utf-8")
    subprocess.run(["git", "add", "."], cwd=workspace, env=env, check=True)
    failed = subprocess.run(
        [*command, "--all-files"],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert failed.returncode == 1
    assert re.search(r"mlprep deck lint\.+Failed", failed.stdout)
    assert "decks/broken.yaml:4:19: unknown field 'answr'" in failed.stdout


@pytest.mark.skipif(shutil.which("pre-commit", path=str(BIN)) is None, reason="pre-commit missing")
def test_pre_commit_runs_the_check_hook(tmp_path: Path, hook_repo: Path) -> None:
    workspace = tmp_path / "member"
    workspace.mkdir()
    (workspace / "notes.md").write_text("no kata solved yet\n", "utf-8")
    decks = tmp_path / "decks"  # MLPREP_DECKS in cli_env: the member's own decks
    decks.mkdir()
    (decks / "broken.yaml").write_text(BAD_DECK, "utf-8")
    env = git_env(tmp_path)
    for args in (["init", "-q"], ["add", "."]):
        subprocess.run(["git", *args], cwd=workspace, env=env, check=True, capture_output=True)
    result = subprocess.run(
        [str(BIN / "pre-commit"), "try-repo", str(hook_repo), "mlprep-check", *MANUAL],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert re.search(r"mlprep check\.+Failed", result.stdout)
    assert "broken.yaml:4:19: unknown field 'answr'" in result.stdout


# -- action.yml ---------------------------------------------------------------------

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def action() -> dict[str, Any]:
    data = yaml.safe_load((REPO / "action.yml").read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def test_action_is_a_valid_composite_action() -> None:
    data = action()
    assert data["name"] and data["description"]
    assert data["runs"]["using"] == "composite"
    inputs = data["inputs"]
    steps = data["runs"]["steps"]
    ids = {s["id"] for s in steps if "id" in s}
    for step in steps:
        assert ("run" in step) != ("uses" in step), step
        if "run" in step:
            assert step["shell"] == "bash"  # composite run steps must name their shell
        else:
            assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"])
    text = (REPO / "action.yml").read_text("utf-8")
    for expression in EXPRESSION.findall(text):
        kind, _, rest = expression.partition(".")
        if kind == "inputs":
            assert rest in inputs, expression
        elif kind == "steps":
            assert rest.split(".")[0] in ids, expression
        else:
            assert expression == "github.action_path", expression
    for name, spec in data["outputs"].items():
        assert EXPRESSION.search(spec["value"]), name
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["if"] == "always()" and upload["with"]["path"] == "${{ inputs.junit }}"


def evaluate(value: str, inputs: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        expression = match.group(1)
        if expression == "github.action_path":
            return str(REPO)
        kind, _, name = expression.partition(".")
        assert kind == "inputs", expression
        return inputs[name]

    return EXPRESSION.sub(one, value)


def run_step(step: dict[str, Any], inputs: dict[str, str], env: dict[str, str], cwd: Path) -> Any:
    step_env = dict(env)
    step_env.update({k: evaluate(str(v), inputs) for k, v in step.get("env", {}).items()})
    script = evaluate(step["run"], inputs)
    return subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", script],
        cwd=cwd,
        env=step_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_action_steps_run_here(tmp_path: Path) -> None:
    data = action()
    inputs = {name: str(spec.get("default", "")) for name, spec in data["inputs"].items()}
    member = tmp_path / "repo"
    (member / "alice" / "decks").mkdir(parents=True)
    (member / "alice" / "decks" / "mine.yaml").write_text(GOOD_DECK, "utf-8")
    inputs.update(workspace="alice", decks="alice/decks", junit="alice-report.xml")
    steps = [s for s in data["runs"]["steps"] if "run" in s]
    install, check = steps

    # The install step, with a stand-in python that records what pip was asked for.
    shim = tmp_path / "shim"
    shim.mkdir()
    log = tmp_path / "pip.log"
    (shim / "python").write_text(f'#!/bin/sh\necho "$@" >> {log}\n')
    (shim / "python").chmod(0o755)
    env = cli_env(tmp_path, PATH=f"{shim}{os.pathsep}{os.environ['PATH']}")
    done = run_step(install, inputs, env, member)
    assert done.returncode == 0, done.stderr
    assert log.read_text().splitlines() == [
        "-m pip install torch --index-url https://download.pytorch.org/whl/cpu",
        f"-m pip install {REPO}[kata]",
    ]

    # The check step, with the real mlprep.
    output = tmp_path / "github_output"
    env = cli_env(
        tmp_path,
        PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}",
        GITHUB_OUTPUT=str(output),
        RUNNER_TEMP=str(tmp_path / "runner"),
    )
    for name in ("MLPREP_HOME", "MLPREP_DECKS"):
        env.pop(name)
    done = run_step(check, inputs, env, member)
    assert done.returncode == 0, done.stdout + done.stderr
    assert output.read_text() == "report=alice-report.xml\n"
    report = (member / "alice-report.xml").read_text("utf-8")
    assert 'failures="0"' in report and 'name="lint"' in report

    (member / "alice" / "decks" / "broken.yaml").write_text(BAD_DECK, "utf-8")
    done = run_step(check, inputs, env, member)
    assert done.returncode == 1
    report = (member / "alice-report.xml").read_text("utf-8")
    assert 'failures="1"' in report and "broken.yaml:4:19: unknown field 'answr'" in report


def test_the_readme_workflow_uses_the_action_as_declared() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, re.S)
    (workflow,) = [b for b in blocks if "matrix" in b and "jobs:" in b]
    assert len(workflow.strip().splitlines()) <= 10
    job = yaml.safe_load(workflow)["jobs"]["check"]
    assert job["strategy"]["matrix"]["member"]
    (step,) = [s for s in job["steps"] if "with" in s]
    assert set(step["with"]) <= set(action()["inputs"])
    assert "${{ matrix.member }}" in step["with"]["workspace"]
    (hooks,) = [b for b in blocks if "repos:" in b]
    ids = {h["id"] for h in yaml.safe_load(hooks)["repos"][0]["hooks"]}
    assert ids == {h["id"] for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
